/**
 * Pure: the downloads bench's file contents and their adler32. Bytes are deterministic (the same
 * name and size always give the same bytes) and real: a pseudo-random 1 MiB block, stamped in
 * its first 16 bytes with the file's own hash and the block's index, so no two blocks of the
 * archive are equal and nothing is a hole in a sparse file.
 */
import { createHash } from 'node:crypto';

export const BLOCK = 1024 * 1024;
const MOD = 65521;
/** The most bytes whose sums fit in a double before they must be reduced (zlib's NMAX). */
const NMAX = 5552;

/** adler32 over chunks as they pass (zlib's algorithm, reduced every NMAX bytes). */
export class RunningAdler32 {
  private a = 1;
  private b = 0;

  update(data: Uint8Array): void {
    let { a, b } = this;
    for (let i = 0; i < data.length;) {
      const end = Math.min(i + NMAX, data.length);
      for (; i < end; i++) {
        a += data[i] ?? 0;
        b += a;
      }
      a %= MOD;
      b %= MOD;
    }
    this.a = a;
    this.b = b;
  }

  hex(): string {
    return (this.b * 65536 + this.a).toString(16).padStart(8, '0');
  }
}

let base: Buffer | undefined;

/** The 1 MiB block every file is made of (SHA-256 in counter mode: fast, fixed, incompressible). */
function baseBlock(): Buffer {
  if (base) return base;
  const out = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK / 32; i++)
    createHash('sha256')
      .update(`bdms-bench:${String(i)}`)
      .digest()
      .copy(out, i * 32);
  base = out;
  return out;
}

/** The bytes of `name`, `size` long, in chunks of at most 1 MiB (each a fresh buffer). */
export function* benchBytes(name: string, size: number): Generator<Buffer> {
  const stamp = createHash('sha256').update(name).digest();
  for (let offset = 0, index = 0; offset < size; offset += BLOCK, index++) {
    const chunk = Buffer.from(baseBlock().subarray(0, Math.min(BLOCK, size - offset)));
    const head = Buffer.alloc(16);
    stamp.copy(head, 0, 0, 12);
    head.writeUInt32BE(index, 12);
    head.copy(chunk, 0, 0, Math.min(16, chunk.length));
    yield chunk;
  }
}

/** adler32 of `benchBytes(name, size)` without keeping them. */
export function benchAdler32(name: string, size: number): string {
  const sum = new RunningAdler32();
  for (const chunk of benchBytes(name, size)) sum.update(chunk);
  return sum.hex();
}
