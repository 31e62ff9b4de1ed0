import type { Request, Response } from 'express';
import type { StreamTrailer } from '@bdms/contract';

/** Lines are gathered into chunks of about this size: fewer writes, same first byte. */
const CHUNK_BYTES = 32 * 1024;

/**
 * Streams NDJSON lines to the browser with backpressure: it waits for 'drain' when the socket's
 * buffer is full, so memory stays flat however long the listing is. The first line goes out at
 * once (time to first byte); later lines are batched. Ends with a StreamTrailer line.
 */
export function ndjsonWriter(req: Request, res: Response) {
  let buffer = '';
  let sentFirst = false;
  let closed = false;
  req.on('close', () => (closed = true));

  async function flush(): Promise<void> {
    if (!buffer || closed) return;
    const ok = res.write(buffer);
    buffer = '';
    if (!ok)
      await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
  }

  return {
    start(): void {
      res.status(200).set({
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    },
    get closed(): boolean {
      return closed;
    },
    async line(value: unknown): Promise<void> {
      buffer += `${JSON.stringify(value)}\n`;
      if (!sentFirst || buffer.length >= CHUNK_BYTES) {
        sentFirst = true;
        await flush();
      }
    },
    async end(trailer: StreamTrailer): Promise<void> {
      buffer += `${JSON.stringify(trailer)}\n`;
      await flush();
      res.end();
    },
  };
}
