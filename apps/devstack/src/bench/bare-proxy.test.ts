import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareProxy, startBareProxy } from './bare-proxy.ts';

const body = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const urlOf = (s: Server) => `http://127.0.0.1:${String((s.address() as AddressInfo).port)}/`;
const listen = (s: Server) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));

describe('the bare proxy of the range figure', () => {
  let storage: Server;
  const seen: (string | undefined)[] = [];
  beforeAll(async () => {
    // A storage that wants the token and answers a suffix range (`bytes=-N`) with a 206.
    storage = createServer((req, res) => {
      seen.push(req.headers.authorization);
      if (req.headers.authorization !== 'Bearer t0k') return res.writeHead(401).end();
      const n = Number(/^bytes=-(\d+)$/.exec(req.headers.range ?? '')?.[1] ?? 0);
      if (!n) return res.writeHead(200, { 'content-length': String(body.length) }).end(body);
      const from = body.length - n;
      res.writeHead(206, {
        'content-length': String(n),
        'content-range': `bytes ${String(from)}-${String(body.length - 1)}/${String(body.length)}`,
      });
      res.end(body.subarray(from));
    });
    await listen(storage);
  });
  afterAll(() => {
    storage.close();
  });

  it('when a range is asked through it, then the storage gets its token and the client the 206 and its bytes', async () => {
    const proxy = bareProxy(urlOf(storage), 'Bearer t0k');
    await listen(proxy);
    try {
      const res = await fetch(urlOf(proxy), { headers: { range: 'bytes=-100' } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe('bytes 900-999/1000');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(body.subarray(900));
      expect(seen.at(-1)).toBe('Bearer t0k');
    } finally {
      proxy.close();
    }
  });

  it('when started as a process of its own, then it serves the whole file and stops', async () => {
    const proxy = await startBareProxy(urlOf(storage), 'Bearer t0k');
    try {
      const res = await fetch(proxy.url);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
    } finally {
      await proxy.stop();
    }
    await expect(fetch(proxy.url)).rejects.toThrow();
  }, 20_000);
});
