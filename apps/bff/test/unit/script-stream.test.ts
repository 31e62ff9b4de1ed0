import { createServer, request, type Server } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileToSend } from '../../src/downloads/replica-open.ts';
import {
  collectionScript,
  SCRIPT_BATCH,
  SCRIPT_FLUSH_MS,
  writeScript,
} from '../../src/links/script-stream.ts';
import { listenLocal } from './listen-local.ts';

const file = (i: number): FileToSend => ({
  scope: 'acada',
  name: `/ctao/night/f-${String(i).padStart(6, '0')}.fits.fz`,
  bytes: 1000 + i,
  adler32: '0badcafe',
  md5: null,
  sources: [],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `n` files, with a pause of `stallMs` before file `stallAt`. */
async function* files(n: number, stallAt = -1, stallMs = 0): AsyncIterable<FileToSend> {
  for (let i = 0; i < n; i++) {
    if (i === stallAt) await sleep(stallMs);
    yield file(i);
  }
}

let server: Server;
let base = '';
const writes: number[] = [];

beforeAll(async () => {
  const app = express();
  app.get('/script', (req, res) => {
    const n = Number(req.query.n);
    const stallAt = Number(req.query.stallAt ?? -1);
    const write = res.write.bind(res) as (chunk: string) => boolean;
    let count = 0;
    res.write = ((chunk: string) => {
      count += 1;
      return write(chunk);
    }) as typeof res.write;
    res.on('finish', () => writes.push(count));
    void writeScript(
      res,
      collectionScript({ scope: 'acada', name: '/ctao/night' }),
      'csv',
      files(n, stallAt, 600),
      {
        signal: new AbortController().signal,
        links: undefined,
        portal: 'http://portal.test',
        log: pino({ level: 'silent' }),
      },
    );
  });
  server = createServer(app);
  base = await listenLocal(server);
});
afterAll(() => {
  server.close();
});

describe('a streamed script', () => {
  it('when 5 000 files are listed, then every file has its line and the text goes out in 64 KiB writes', async () => {
    const text = await (await fetch(`${base}/script?n=5000`)).text();
    const lines = text.split('\n').filter((l) => l.startsWith('acada,'));
    expect(lines).toHaveLength(5000);
    expect(lines[4999]).toContain('f-004999.fits.fz');
    // The header, then full batches, then the rest: not a write per line.
    expect(writes.at(-1)).toBeLessThanOrEqual(Math.ceil(text.length / SCRIPT_BATCH) + 2);
  });

  it('when the listing stalls after the first file, then its line is sent within the flush time, not held until the next', async () => {
    const arrived = await new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      request(`${base}/script?n=2&stallAt=1`, (res) => {
        let seen = '';
        res.on('data', (c: Buffer) => {
          seen += c.toString();
          if (seen.includes('f-000000')) resolve(performance.now() - t0);
        });
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    expect(arrived).toBeGreaterThanOrEqual(SCRIPT_FLUSH_MS - 20);
    expect(arrived).toBeLessThan(550);
  });
});
