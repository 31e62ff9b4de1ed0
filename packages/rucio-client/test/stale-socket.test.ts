import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRucioClient, RucioUnavailableError } from '../src/index.ts';
import { loadRecording } from './replay.ts';

const ping = loadRecording('ping').response;
let server: Server | undefined;

/** A server that drops the first `drops` connections without answering, then replays /ping. */
async function droppingServer(drops: number): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  server = createServer((req, res) => {
    requests += 1;
    if (requests <= drops) {
      req.socket.destroy();
      return;
    }
    res.writeHead(ping.status, ping.headers).end(ping.body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
  };
}

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

describe('a connection that breaks before the answer', () => {
  it('when it happens once on a GET, then the GET is sent again and succeeds', async () => {
    const s = await droppingServer(1);
    const rucio = createRucioClient({ baseUrl: s.url, userAgent: 'test' });
    await expect(rucio.ping()).resolves.toMatchObject({ version: JSON.parse(ping.body).version });
    expect(s.requests()).toBe(2);
  });

  it('when it happens twice in a row, then the call fails as unavailable after one retry', async () => {
    const s = await droppingServer(2);
    const rucio = createRucioClient({ baseUrl: s.url, userAgent: 'test' });
    const error = await rucio.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RucioUnavailableError);
    expect(s.requests()).toBe(2);
  });
});
