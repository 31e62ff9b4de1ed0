import type { Request, Response } from 'express';
import type { StreamTrailer } from '@bdms/contract';

/** Lines are gathered into chunks of about this size: fewer writes, same first byte. */
const CHUNK_BYTES = 32 * 1024;

export interface PipeOptions<T, U> {
  /** Opens the upstream; its signal aborts when the client goes away. */
  open: (signal: AbortSignal) => Promise<AsyncIterable<T>> | AsyncIterable<T>;
  /** One output line per upstream row; undefined drops the row. */
  transform: (row: T) => U | undefined;
  /** What the error trailer says when the stream breaks after the first line. */
  describeError: (error: unknown, sent: number) => StreamTrailer & { error: unknown };
  /** The last line of a stream that finished (default `{"end":{"count":<lines sent>}}`). */
  end?: (sent: number) => { end: unknown };
  /** Send what is buffered right after this line (e.g. the end of a burst of rows). */
  flushAfter?: (line: U) => boolean;
}

/** An AbortSignal that fires when the client disconnects before the response has finished. */
export function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/**
 * Resolves when the socket's buffer has drained or the client has gone, and leaves no listener
 * behind: a long stream waits here thousands of times (a leftover 'close' listener per wait once
 * piled up to Node's MaxListenersExceededWarning during a 100 000-row listing).
 */
export function drainedOrClosed(res: Response): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Pipes any row stream (typically Rucio's NDJSON) to the browser as NDJSON, one transformed row
 * per line, ending with a StreamTrailer line.
 * - The first row is awaited before any byte is sent: errors Rucio reports up front (unknown DID,
 *   refused token) leave as ordinary JSON errors through the error handler.
 * - Backpressure: waits for 'drain' when the socket's buffer is full, so memory stays flat.
 * - Batching: the first line goes out at once (time to first byte), later ones in ~32 KiB chunks.
 * - Client disconnect: the upstream is aborted and its iterator closed.
 * - Every path ends the response, so nothing waits on a response that never finishes.
 */
export async function pipeNdjson<T, U>(
  req: Request,
  res: Response,
  options: PipeOptions<T, U>,
): Promise<void> {
  const signal = clientGone(res);
  const iterator = (await options.open(signal))[Symbol.asyncIterator]();
  let next = await iterator.next();
  let buffer = '';
  let sent = 0;

  const flush = async (): Promise<void> => {
    if (!buffer || signal.aborted) return;
    const ok = res.write(buffer);
    buffer = '';
    if (!ok) await drainedOrClosed(res);
  };

  res.status(200).set({
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  let trailer: StreamTrailer | { end: unknown } | undefined;
  try {
    for (; !next.done && !signal.aborted; next = await iterator.next()) {
      const line = options.transform(next.value);
      if (line === undefined) continue;
      buffer += `${JSON.stringify(line)}\n`;
      sent += 1;
      if (sent === 1 || buffer.length >= CHUNK_BYTES || options.flushAfter?.(line)) await flush();
    }
    trailer = options.end ? options.end(sent) : { end: { count: sent } };
  } catch (error) {
    if (!signal.aborted) {
      req.log.error({ err: error, rowsSent: sent }, 'a stream broke after it started');
      trailer = options.describeError(error, sent);
    }
  } finally {
    if (signal.aborted) await iterator.return?.().catch(() => undefined);
    if (trailer && !signal.aborted) {
      buffer += `${JSON.stringify(trailer)}\n`;
      await flush();
    }
    res.end();
  }
}
