import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { Adler32, digestHeaders } from './checksums.ts';
import type { FileToSend, Opened } from './replica-open.ts';
import { fileName } from '../lib/file-name.ts';

/**
 * Passes the bytes on, counting them and (for a whole file) summing adler32, but holds the latest
 * chunk back until the next arrives: the last one goes out only once the length and checksum are
 * right (and `confirmed` has settled, when given), so a client never receives a complete-looking
 * file that is not Rucio's. `confirmed` rejecting at any time aborts the stream.
 */
export class VerifiedBytes extends Transform {
  private held: Buffer | undefined;
  private count = 0;
  private sum: Adler32 | undefined;

  constructor(
    private readonly expected: { bytes: number; adler32: string | null },
    private readonly label: string,
    private readonly confirmed?: Promise<void>,
  ) {
    super();
    confirmed?.catch((err: unknown) => {
      if (!this.destroyed) this.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  }

  /** Streams call this before the first chunk: the sum's WebAssembly instance is made here. */
  override _construct(done: (error?: Error | null) => void): void {
    if (!this.expected.adler32) {
      done();
      return;
    }
    Adler32.create().then(
      (sum) => {
        this.sum = sum;
        done();
      },
      (err: unknown) => {
        done(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.count += chunk.length;
    this.sum?.update(chunk);
    const previous = this.held;
    this.held = chunk;
    done(null, previous);
  }

  override _flush(done: TransformCallback): void {
    const { bytes, adler32 } = this.expected;
    if (this.count !== bytes)
      done(new Error(`${this.label}: ${String(this.count)} bytes, Rucio records ${String(bytes)}`));
    else if (this.sum && adler32 && this.sum.hex() !== adler32.toLowerCase())
      done(new Error(`${this.label}: adler32 ${this.sum.hex()}, Rucio records ${adler32}`));
    else if (this.confirmed)
      this.confirmed.then(
        () => {
          done(null, this.held);
        },
        () => undefined, // the constructor's handler has destroyed the stream
      );
    else done(null, this.held);
  }
}

/**
 * The storage's answer sent on as the file: its status (200, or 206 for a range), length and
 * range, the file's name and Rucio's checksums. A whole file is verified on the way; a failure
 * after the headers destroys the response, so the client sees an aborted transfer, never success.
 */
export async function sendFile(
  res: Response,
  file: FileToSend,
  opened: Opened,
  /** Held before the last bytes (download-plan.ts): a rejection aborts the response. */
  confirmed?: Promise<void>,
): Promise<void> {
  const { upstream, source } = opened;
  const { statusCode, headers } = upstream;
  res.status(statusCode);
  res.attachment(fileName(file.name));
  res.set({
    'Content-Type': 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, no-store',
    'X-Replica-RSE': source.rse,
    ...digestHeaders(file),
  });
  const length = headers['content-length'];
  if (typeof length === 'string') res.set('Content-Length', length);
  const range = headers['content-range'];
  if (statusCode === 206 && typeof range === 'string') res.set('Content-Range', range);
  const label = `${file.scope}:${file.name} from ${source.rse}`;
  const expected =
    statusCode === 200
      ? { bytes: file.bytes ?? Number(length), adler32: file.adler32 }
      : { bytes: Number(length), adler32: null };
  const head = res.req.method === 'HEAD';
  try {
    if (head) {
      await upstream.body.dump();
      res.end();
      return;
    }
    await pipeline(upstream.body, new VerifiedBytes(expected, label, confirmed), res);
  } catch (err) {
    res.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
}
