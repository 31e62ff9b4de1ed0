import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, get, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adler32Hex } from '@bdms/dev-fixtures';
import {
  bundleFiles,
  bundleName,
  collectionBundle,
  entryName,
  sendBundle,
} from '../../src/downloads/bundle.ts';
import type { FileToSend } from '../../src/downloads/replica-open.ts';
import { listenLocal } from './listen-local.ts';

/*
 * The ZIP bundle, streamed from real HTTP servers (a storage stand-in that serves bytes; the
 * archive is read back by Python's zipfile, a ZIP reader that is not ours).
 */
const DATASET = { scope: 'acada', name: '/ctao/acada/DL0/x/2025/02/03' };
const files = [randomBytes(70_000), randomBytes(10), randomBytes(5000)];
let storage: Server;
let bff: Server;
let storageUrl = '';
let bffUrl = '';
let served: FileToSend[] = [];

const fileAt = (i: number, over: Partial<FileToSend> = {}): FileToSend => ({
  scope: 'acada',
  name: `${DATASET.name}/f${String(i)}.fits.fz`,
  bytes: files[i]?.length ?? 0,
  adler32: adler32Hex(files[i] ?? new Uint8Array()),
  md5: null,
  sources: [{ url: `${storageUrl}/${String(i)}`, rse: 'A-DISK', tape: false }],
  ...over,
});

const ZERO_BLOCK = Buffer.alloc(1024 * 1024);

/** `bytes` zero bytes in blocks of 1 MiB (the last one shorter). */
function* zeroBlocks(bytes: number): Generator<Buffer> {
  for (let left = bytes; left > 0; left -= ZERO_BLOCK.length)
    yield left >= ZERO_BLOCK.length ? ZERO_BLOCK : ZERO_BLOCK.subarray(0, left);
}

/** Rucio's adler32 of `bytes` zero bytes: a stays 1, b adds 1 per byte. */
const zerosAdler = (bytes: number): string =>
  ((((bytes % 65521) << 16) | 1) >>> 0).toString(16).padStart(8, '0');

beforeAll(async () => {
  storage = createServer((req, res) => {
    const zeros = /^\/zeros\/(\d+)$/.exec(req.url ?? '');
    if (zeros) {
      res.writeHead(200, { 'content-length': zeros[1] });
      pipeline(Readable.from(zeroBlocks(Number(zeros[1]))), res).catch(() => undefined);
      return;
    }
    const data = files[Number(req.url?.slice(1))];
    if (!data) res.writeHead(404).end();
    else res.writeHead(200, { 'content-length': String(data.length) }).end(data);
  });
  storageUrl = await listenLocal(storage);
  const app = express();
  app.get('/bundle', (_req, res) => {
    const signal = new AbortController().signal;
    sendBundle(res, collectionBundle(DATASET.name), served, {
      auth: () => Promise.resolve(undefined),
      signal,
    }).catch(() => undefined);
  });
  bff = createServer(app);
  bffUrl = await listenLocal(bff);
});
afterAll(() => {
  storage.close();
  bff.close();
});

/** Python's zipfile: each entry's name, size, stored or not, and its CRC checked by testzip. */
function readZip(data: Buffer): { name: string; size: number; stored: boolean; hex: string }[] {
  const path = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'b.zip');
  writeFileSync(path, data);
  const script = `import json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([{"name":i.filename,"size":i.file_size,"stored":i.compress_type==zipfile.ZIP_STORED,"hex":z.read(i).hex()} for i in z.infolist()]))`;
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as {
    name: string;
    size: number;
    stored: boolean;
    hex: string;
  }[];
}

describe('sendBundle', () => {
  it('streams every file stored in a ZIP of the announced length, under the collection’s folder', async () => {
    served = [fileAt(0), fileAt(1), fileAt(2)];
    const res = await fetch(`${bffUrl}/bundle`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain('ctao_acada_DL0_x_2025_02_03.zip');
    const data = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(data.length));
    const entries = readZip(data);
    expect(entries.map((e) => e.name)).toEqual(['03/f0.fits.fz', '03/f1.fits.fz', '03/f2.fits.fz']);
    expect(entries.every((e) => e.stored)).toBe(true);
    entries.forEach((e, i) => {
      expect(e.hex).toBe(files[i]?.toString('hex'));
    });
  });

  it('when a file’s bytes are not Rucio’s, then the response is aborted, not a complete ZIP', async () => {
    served = [fileAt(0), fileAt(2, { adler32: '00000001' })];
    const res = await fetch(`${bffUrl}/bundle`);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it('when a file cannot be read anywhere, then the response is aborted', async () => {
    served = [
      fileAt(1),
      fileAt(0, { sources: [{ url: `${storageUrl}/9`, rse: 'A', tape: false }] }),
    ];
    const res = await fetch(`${bffUrl}/bundle`);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });
});

describe('sendBundle past 4 GiB', () => {
  /** The response's length and its last `keep` bytes (the archive's end: entries after the big one, the directory). */
  const tailOf = (
    url: string,
    keep: number,
  ): Promise<{ length: number; announced: string | undefined; tail: Buffer }> =>
    new Promise((resolve, reject) => {
      get(url, (res) => {
        let length = 0;
        let chunks: Buffer[] = [];
        let held = 0;
        res.on('data', (chunk: Buffer) => {
          length += chunk.length;
          chunks.push(chunk);
          held += chunk.length;
          while (chunks.length > 1 && held - (chunks[0]?.length ?? 0) >= keep)
            held -= chunks.shift()?.length ?? 0;
        });
        res.on('end', () => {
          const all = Buffer.concat(chunks);
          chunks = [];
          resolve({
            length,
            announced: res.headers['content-length'],
            tail: all.subarray(Math.max(0, all.length - keep)),
          });
        });
        res.on('error', reject);
      }).on('error', reject);
    });

  it('writes Zip64 records: a file over 4 GiB, and a file after it at an offset over 4 GiB, read back by Python', async () => {
    const big = 2 ** 32 + 1000;
    served = [
      fileAt(0, {
        name: `${DATASET.name}/big.fits.fz`,
        bytes: big,
        adler32: zerosAdler(big),
        sources: [{ url: `${storageUrl}/zeros/${String(big)}`, rse: 'A-DISK', tape: false }],
      }),
      fileAt(2),
    ];
    const { length, announced, tail } = await tailOf(`${bffUrl}/bundle`, 1024 * 1024);
    expect(length).toBeGreaterThan(big);
    expect(announced).toBe(String(length));
    // The same length with only the end written (a sparse file): zipfile reads the directory and
    // the Zip64 records there, and the second entry whole (its local header is past 4 GiB).
    const path = join(mkdtempSync(join(tmpdir(), 'bundle64-')), 'b.zip');
    const fd = openSync(path, 'w');
    try {
      ftruncateSync(fd, length);
      writeSync(fd, tail, 0, tail.length, length - tail.length);
    } finally {
      closeSync(fd);
    }
    const script = `import json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1])
last=z.infolist()[-1]
f=open(sys.argv[1],"rb")
f.seek(-42,2)
ends=f.read(42)
print(json.dumps({"zip64End":ends[:4]==b"PK\\x06\\x07" and ends[20:24]==b"PK\\x05\\x06","entries":[{"name":i.filename,"size":i.file_size,"offset":i.header_offset,"crc":i.CRC,"stored":i.compress_type==zipfile.ZIP_STORED} for i in z.infolist()],"last":z.read(last).hex()}))`;
    const read = JSON.parse(
      execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }),
    ) as {
      zip64End: boolean;
      entries: { name: string; size: number; offset: number; crc: number; stored: boolean }[];
      last: string;
    };
    let zerosCrc = 0;
    for (const block of zeroBlocks(big)) zerosCrc = crc32(block, zerosCrc);
    // The archive ends with the Zip64 end-of-directory locator, then the classic end record.
    expect(read.zip64End).toBe(true);
    expect(read.entries.map((e) => [e.name, e.size, e.stored])).toEqual([
      ['03/big.fits.fz', big, true],
      ['03/f2.fits.fz', files[2]?.length, true],
    ]);
    expect(read.entries[0]?.crc).toBe(zerosCrc);
    expect(read.entries[1]?.offset).toBeGreaterThan(2 ** 32);
    expect(read.last).toBe(files[2]?.toString('hex'));
  }, 180_000);
});

describe('bundle limits and names', () => {
  async function* listed(n: number, bytes = 10) {
    for (let i = 0; i < n; i += 1) yield await Promise.resolve(fileAt(1, { bytes }));
  }
  it('refuses more files or bytes than a bundle may hold, pointing to the scripts', async () => {
    await expect(bundleFiles('d', listed(3), { maxFiles: 2, maxBytes: 1e9 })).rejects.toMatchObject(
      {
        status: 409,
        message: expect.stringContaining('more than 2 files') as string,
      },
    );
    await expect(
      bundleFiles('d', listed(2, 2 * 1024 ** 2), { maxFiles: 9, maxBytes: 1024 ** 2 }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('holds 4.0 MiB, more than') as string,
    });
    expect(await bundleFiles('d', listed(2), { maxFiles: 2, maxBytes: 20 })).toHaveLength(2);
  });

  it('refuses, before any byte, files with no disk copy, naming how many and a few of them', async () => {
    const tape = { url: 'http://t/1', rse: 'PIC-TAPE', tape: true };
    async function* mixed() {
      yield await Promise.resolve(fileAt(0));
      yield await Promise.resolve(fileAt(1, { name: '/t/one', sources: [tape] }));
      yield await Promise.resolve(fileAt(2, { sources: [tape, ...fileAt(2).sources] }));
    }
    await expect(
      bundleFiles('acada:/d', mixed(), { maxFiles: 9, maxBytes: 1e9 }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'staging_required',
      message: expect.stringContaining(
        '1 of 3 files of acada:/d are on tape only (PIC-TAPE), for example acada:/t/one',
      ) as string,
      details: { tapeRses: ['PIC-TAPE'], files: 1, examples: ['acada:/t/one'] },
    });
  });

  it('names entries by their path below the collection, never leaving the archive’s folder', () => {
    expect(entryName('/ctao/a/03', '/ctao/a/03/x/f.fz')).toBe('03/x/f.fz');
    expect(entryName('/ctao/a/03', '/elsewhere/../f.fz')).toBe('03/elsewhere/f.fz');
    expect(bundleName('/ctao/a/03')).toBe('ctao_a_03.zip');
  });
});

describe('the CRC-32 yazl sums entries with', () => {
  // yazl's own dependency, as yazl loads it: patched (packages/config/patches) to node:zlib's.
  const require = createRequire(import.meta.url);
  const path = require.resolve('buffer-crc32', { paths: [dirname(require.resolve('yazl'))] });
  const bufferCrc32 = require(path) as { unsigned: (b: Buffer, previous?: number) => number };

  it('is node:zlib’s (the patch is applied) and gives the standard values, chunk after chunk', () => {
    expect(readFileSync(path, 'utf8')).toContain('zlibCrc32(buf');
    expect(bufferCrc32.unsigned(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
    const data = randomBytes(100_000);
    const first = bufferCrc32.unsigned(data.subarray(0, 4321));
    expect(bufferCrc32.unsigned(data.subarray(4321), first)).toBe(crc32(data));
  });
});
