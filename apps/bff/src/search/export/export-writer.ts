import type { Request, Response } from 'express';
import type { ErrorCode, SearchRow } from '@bdms/contract';
import { clientGone, drainedOrClosed } from '../../http/ndjson-pipe.ts';

/** Why a result broke off, in the user's words. */
export interface ExportFailure {
  code: ErrorCode;
  message: string;
}

/** One export format: text before the rows, per row, after a complete result, after a failure. */
export interface ExportFormatWriter {
  head(): string;
  row(row: SearchRow): string;
  end(count: number): string;
  error(error: ExportFailure, count: number): string;
}

export interface ExportOptions {
  mediaType: string;
  filename: string;
  writer: ExportFormatWriter;
  /** Opens the rows; its signal aborts when the client goes away. */
  open(signal: AbortSignal): Promise<AsyncIterator<SearchRow>>;
  /** The words the file carries when the result broke off after it started. */
  describeError(error: unknown, count: number): ExportFailure;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Streams a search result as a file download with constant memory: rows are written in ~64 KiB
 * chunks, waiting for 'drain' when the socket is full. Errors before the first row leave as JSON
 * errors (nothing was sent); after it, the format's own incomplete marker ends the file.
 */
export async function writeExport(req: Request, res: Response, o: ExportOptions): Promise<void> {
  const signal = clientGone(res);
  const rows = await o.open(signal);
  let next = await rows.next();
  res.status(200).set({
    'Content-Type': `${o.mediaType}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${o.filename}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  let buffer = o.writer.head();
  let count = 0;
  const flush = async (): Promise<void> => {
    if (!buffer || signal.aborted) return;
    const ok = res.write(buffer);
    buffer = '';
    if (!ok) await drainedOrClosed(res);
  };
  try {
    for (; !next.done && !signal.aborted; next = await rows.next()) {
      buffer += o.writer.row(next.value);
      count += 1;
      if (count === 1 || buffer.length >= CHUNK_BYTES) await flush();
    }
    buffer += o.writer.end(count);
  } catch (error) {
    if (!signal.aborted) {
      req.log.error({ err: error, rowsSent: count }, 'an export broke after it started');
      buffer += o.writer.error(o.describeError(error, count), count);
    }
  } finally {
    if (signal.aborted) await rows.return?.().catch(() => undefined);
    await flush();
    res.end();
  }
}
