import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  zipLength,
  zipStream,
  type ZipItem,
  type ZipOptions,
} from '../../src/downloads/zip-stream.ts';

/*
 * The ZIP writer, read back by two readers that are not ours: Python's zipfile (names, sizes,
 * offsets, dates, every CRC-32 by testzip) and Info-ZIP's `unzip -t`.
 */
const mtime = new Date('2025-11-20T21:13:08Z');

async function* chunksOf(data: Buffer, size = 4096) {
  for (let i = 0; i < data.length; i += size)
    yield await Promise.resolve(data.subarray(i, i + size));
}

const item = (path: string, data: Buffer): ZipItem => ({
  path,
  size: data.length,
  mtime,
  open: () => Promise.resolve(chunksOf(data)),
});

async function archive(items: ZipItem[], o?: ZipOptions): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of zipStream(items, o)) parts.push(part);
  return Buffer.concat(parts);
}

interface Read {
  name: string;
  size: number;
  offset: number;
  date: number[];
  hex?: string;
}

const PY_READ = `import json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([{"name":i.filename,"size":i.file_size,"offset":i.header_offset,"date":list(i.date_time),"stored":i.compress_type==zipfile.ZIP_STORED,**({"hex":z.read(i).hex()} if i.file_size<100000 else {})} for i in z.infolist()]))`;

function readers(path: string): Read[] {
  execFileSync('unzip', ['-tqq', path]);
  return JSON.parse(execFileSync('python3', ['-c', PY_READ, path], { encoding: 'utf8' })) as Read[];
}

const saved = (data: Buffer): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'zip-')), 'a.zip');
  writeFileSync(path, data);
  return path;
};

describe('zipStream', () => {
  const files = [randomBytes(70_000), Buffer.alloc(0), randomBytes(1)];
  const names = ['03/f0.fits.fz', '03/empty', '03/Ωmega ☉/f2.fits.fz'];
  const items = () => files.map((f, i) => item(names[i] ?? '', f));

  for (const o of [{}, { forceZip64: true }]) {
    it(`writes what zipLength announced, read back whole by two readers (${JSON.stringify(o)})`, async () => {
      const data = await archive(items(), o);
      expect(data.length).toBe(zipLength(items(), o));
      const read = readers(saved(data));
      expect(read.map((r) => r.name)).toEqual(names);
      read.forEach((r, i) => {
        expect(r.size).toBe(files[i]?.length);
        expect(r.hex).toBe(files[i]?.toString('hex'));
        expect(r.date).toEqual([2025, 11, 20, 21, 13, 8]);
      });
    });
  }

  it('when a file sends fewer or more bytes than its size, then the archive stops before its end', async () => {
    const short = { ...item('a', files[0] ?? Buffer.alloc(0)), size: 70_001 };
    await expect(archive([short])).rejects.toThrow('a: 70000 bytes of 70001');
    const long = { ...item('b', files[0] ?? Buffer.alloc(0)), size: 69_999 };
    await expect(archive([long])).rejects.toThrow('b: more than bytes of 69999');
  });

  it('past 4 GiB: a file larger than 32 bits and one stored beyond it are read back by both readers', async () => {
    // The big file is zeros: written as a hole of a sparse file, so the test needs no 4 GiB of disk.
    const zeros = Buffer.alloc(1024 * 1024);
    const bigSize = 2 ** 32 + 5;
    const big: ZipItem = {
      path: 'big.bin',
      size: bigSize,
      mtime,
      open: () =>
        Promise.resolve(
          (async function* () {
            for (let left = bigSize; left > 0; left -= zeros.length)
              yield await Promise.resolve(left >= zeros.length ? zeros : zeros.subarray(0, left));
          })(),
        ),
    };
    const small = [randomBytes(100), randomBytes(300)];
    const all = [
      item('first', small[0] ?? Buffer.alloc(0)),
      big,
      item('after', small[1] ?? Buffer.alloc(0)),
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'zip64-')), 'big.zip');
    const fd = openSync(path, 'w');
    let at = 0;
    for await (const part of zipStream(all)) {
      if (part.buffer !== zeros.buffer) writeSync(fd, part, 0, part.length, at);
      at += part.length;
    }
    ftruncateSync(fd, at);
    closeSync(fd);
    expect(at).toBe(zipLength(all));
    const read = readers(path);
    expect(read.map((r) => [r.name, r.size])).toEqual([
      ['first', 100],
      ['big.bin', bigSize],
      ['after', 300],
    ]);
    expect(read[2]?.offset).toBeGreaterThan(2 ** 32);
    expect(read[2]?.hex).toBe(small[1]?.toString('hex'));
  }, 180_000);
});
