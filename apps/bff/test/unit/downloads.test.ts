import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReplicaDto } from '@bdms/rucio-client';
import { adler32Hex as fixtureAdler } from '@bdms/dev-fixtures';
import { Adler32, digestHeaders } from '../../src/downloads/checksums.ts';
import { VerifiedBytes } from '../../src/downloads/file-send.ts';
import { openFirst, singleRange, type FileToSend } from '../../src/downloads/replica-open.ts';
import { downloadSources } from '../../src/downloads/replica-sources.ts';
import { fileName } from '../../src/lib/file-name.ts';
import { listenLocal } from './listen-local.ts';

const pfn = (rse: string, type: 'DISK' | 'TAPE', priority: number) => ({ rse, type, priority });

describe('downloadSources', () => {
  it('puts available disk copies first in Rucio’s order, then tape, and skips the others', () => {
    const file: FileReplicaDto = {
      scope: 's',
      name: 'n',
      rses: {},
      pfns: {
        'http://tape/x': pfn('T-TAPE', 'TAPE', 1),
        'http://b/x': pfn('B-DISK', 'DISK', 3),
        'http://a/x': pfn('A-DISK', 'DISK', 2),
        'http://c/x': pfn('C-DISK', 'DISK', 4),
      },
      states: {
        'T-TAPE': 'AVAILABLE',
        'A-DISK': 'AVAILABLE',
        'B-DISK': 'AVAILABLE',
        'C-DISK': 'COPYING',
      },
    };
    expect(downloadSources(file).map((s) => s.rse)).toEqual(['A-DISK', 'B-DISK', 'T-TAPE']);
    expect(fileName('/ctao/acada/DL0/x/f.fits.fz')).toBe('f.fits.fz');
  });
});

describe('checksums', () => {
  it('sums adler32 over chunks as the fixtures do over the whole', async () => {
    const data = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    const sum = await Adler32.create();
    for (let i = 0; i < data.length; i += 4096) sum.update(data.subarray(i, i + 4096));
    expect(sum.hex()).toBe(fixtureAdler(data));
    expect(sum.hex()).toBe(fixtureAdler(data));
    expect(() => {
      sum.update(data);
    }).toThrow('already read');
    // The modulus wraps (zlib's value for 100 000 bytes of 0xff), and no bytes sum to 1.
    const ones = await Adler32.create();
    ones.update(new Uint8Array(100_000).fill(0xff));
    expect(ones.hex()).toBe('149a302c');
    expect((await Adler32.create()).hex()).toBe('00000001');
  });

  it('says Rucio’s checksums in Digest and Repr-Digest, and leaves out what is malformed', () => {
    expect(digestHeaders({ adler32: 'bc7e9586', md5: '9eb6cd88c7af04dbf30465f5ab3fee0f' })).toEqual(
      {
        Digest: 'adler32=bc7e9586, md5=nrbNiMevBNvzBGX1qz/uDw==',
        'Repr-Digest': 'adler=:vH6Vhg==:, md5=:nrbNiMevBNvzBGX1qz/uDw==:',
      },
    );
    expect(digestHeaders({ adler32: 'nothex!!', md5: null })).toEqual({});
  });

  it('passes on a single bytes range only', () => {
    expect(singleRange('bytes=0-99')).toBe('bytes=0-99');
    expect(singleRange('bytes=-100')).toBe('bytes=-100');
    expect(singleRange('bytes=0-1,5-9')).toBeUndefined();
    expect(singleRange('items=0-1')).toBeUndefined();
  });
});

describe('VerifiedBytes', () => {
  const run = async (chunks: Buffer[], expected: { bytes: number; adler32: string | null }) => {
    const out: Buffer[] = [];
    await pipeline(Readable.from(chunks), new VerifiedBytes(expected, 'f'), async function* (src) {
      for await (const c of src) out.push(c as Buffer);
      yield* [];
    });
    return Buffer.concat(out);
  };
  const data = Buffer.from('0123456789abcdef');

  it('passes right bytes through whole', async () => {
    const chunks = [data.subarray(0, 5), data.subarray(5, 11), data.subarray(11)];
    expect(await run(chunks, { bytes: 16, adler32: fixtureAdler(data) })).toEqual(data);
  });

  it('fails a wrong checksum or length before the last chunk is let out', async () => {
    const out: Buffer[] = [];
    const v = new VerifiedBytes({ bytes: 16, adler32: '00000000' }, 'f');
    v.on('data', (c: Buffer) => out.push(c));
    const done = pipeline(Readable.from([data.subarray(0, 8), data.subarray(8)]), v);
    await expect(done).rejects.toThrow('f: adler32');
    expect(Buffer.concat(out)).toEqual(data.subarray(0, 8));
    await expect(run([data], { bytes: 17, adler32: null })).rejects.toThrow(
      '16 bytes, Rucio records 17',
    );
  });
});

describe('VerifiedBytes with a confirmation pending (a kept lookup re-asked meanwhile)', () => {
  const data = Buffer.from('0123456789abcdef');
  const expected = { bytes: 16, adler32: fixtureAdler(data) };

  it('holds the last chunk until the confirmation comes, then lets it out', async () => {
    let confirm: () => void = () => undefined;
    const confirmed = new Promise<void>((resolve) => (confirm = resolve));
    const out: Buffer[] = [];
    const v = new VerifiedBytes(expected, 'f', confirmed);
    v.on('data', (c: Buffer) => out.push(c));
    const done = pipeline(Readable.from([data.subarray(0, 8), data.subarray(8)]), v);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Buffer.concat(out)).toEqual(data.subarray(0, 8));
    confirm();
    await done;
    expect(Buffer.concat(out)).toEqual(data);
  });

  it('when the confirmation is refused, then the stream fails and the last chunk never leaves', async () => {
    let refuse: (e: Error) => void = () => undefined;
    const confirmed = new Promise<void>((_r, reject) => (refuse = reject));
    const out: Buffer[] = [];
    const v = new VerifiedBytes(expected, 'f', confirmed);
    v.on('data', (c: Buffer) => out.push(c));
    const done = pipeline(Readable.from([data.subarray(0, 8), data.subarray(8)]), v);
    await new Promise((resolve) => setTimeout(resolve, 20));
    refuse(new Error('Rucio no longer lists it'));
    await expect(done).rejects.toThrow('Rucio no longer lists it');
    expect(Buffer.concat(out)).toEqual(data.subarray(0, 8));
  });
});

describe('openFirst against real HTTP servers', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/gone') res.writeHead(404).end('no');
      else if (req.url === '/short') res.writeHead(200, { 'content-length': '3' }).end('abc');
      else res.writeHead(200, { 'content-length': '4' }).end('abcd');
    });
    base = await listenLocal(server);
  });
  afterAll(() => {
    server.close();
  });
  const file = (paths: string[]): FileToSend => ({
    scope: 's',
    name: 'n',
    bytes: 4,
    adler32: null,
    md5: null,
    sources: paths.map((p, i) => ({ url: `${base}${p}`, rse: `R${String(i)}`, tape: false })),
  });
  const open = (f: FileToSend) =>
    openFirst(f, {
      method: 'GET',
      range: undefined,
      auth: () => Promise.resolve(undefined),
      signal: new AbortController().signal,
    });

  it('skips a replica that is gone or has another length, and reads the next', async () => {
    const opened = await open(file(['/gone', '/short', '/ok']));
    expect(opened.source.rse).toBe('R2');
    expect(await opened.upstream.body.text()).toBe('abcd');
  });

  it('when none can be read, then 502 says what each said', async () => {
    await expect(open(file(['/gone', '/short']))).rejects.toMatchObject({
      status: 502,
      code: 'storage_error',
      message: expect.stringContaining('R0: HTTP 404; R1: 3 bytes where Rucio records 4') as string,
    });
  });

  it('when no storage answers, then 503', async () => {
    const dead = { ...file([]), sources: [{ url: 'http://127.0.0.1:1/x', rse: 'X', tape: false }] };
    await expect(open(dead)).rejects.toMatchObject({ status: 503, code: 'storage_unavailable' });
  });

  it('when the file is on tape only, then 409 staging_required, and the tape is not read', async () => {
    const tape = { ...file([]), sources: [{ url: `${base}/ok`, rse: 'T-TAPE', tape: true }] };
    await expect(open(tape)).rejects.toMatchObject({
      status: 409,
      code: 'staging_required',
      message: expect.stringContaining('is on tape only (T-TAPE): request it staged') as string,
      details: { tapeRses: ['T-TAPE'] },
    });
  });

  it('when a disk replica fails, then the tape copy is not tried (502)', async () => {
    const both = file(['/gone']);
    both.sources.push({ url: `${base}/ok`, rse: 'T-TAPE', tape: true });
    await expect(open(both)).rejects.toMatchObject({ status: 502, code: 'storage_error' });
  });
});
