import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFront, endToEnd } from './front-server.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  remotePort: number;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => {
            resolve();
          });
        }),
    ),
  );
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Answers like a gunicorn sync worker: `Connection: close` on every answer. */
async function syncWorker(seen: Seen[]): Promise<number> {
  return listen(
    createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body,
          remotePort: req.socket.remotePort ?? 0,
        });
        res.setHeader('Connection', 'close');
        res.setHeader('X-Rucio-Auth-Token', 'tok');
        if (req.url === '/stream') {
          // Streamed (chunked) NDJSON, as Rucio's list calls answer.
          res.write('{"a":1}\n');
          setTimeout(() => res.end('{"a":2}\n'), 20);
          return;
        }
        res.end(JSON.stringify({ echo: body }));
      });
    }),
  );
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  localPort: number;
}

function send(
  port: number,
  agent: Agent,
  o: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: o.method ?? 'GET',
        path: o.path,
        headers: o.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            localPort: req.socket?.localPort ?? -1,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('the devstack front for Rucio', () => {
  it('keeps the client connection open while each request reaches the workers on a new one', async () => {
    const seen: Seen[] = [];
    const front = await listen(
      createFront({ upstreamHost: '127.0.0.1', upstreamPort: await syncWorker(seen) }),
    );
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await send(front, agent, { path: '/ping' }));
    agent.destroy();
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    // One client connection for all three; the worker's `Connection: close` stays behind.
    expect(new Set(replies.map((r) => r.localPort)).size).toBe(1);
    expect(replies[0]?.headers.connection).toBe('keep-alive');
    expect(replies[0]?.headers['x-rucio-auth-token']).toBe('tok');
    // Three upstream connections, one per request.
    expect(new Set(seen.map((s) => s.remotePort)).size).toBe(3);
  });

  it('forwards method, raw path, body and end-to-end headers; sets X-Forwarded-For only when absent', async () => {
    const seen: Seen[] = [];
    const front = await listen(
      createFront({ upstreamHost: '127.0.0.1', upstreamPort: await syncWorker(seen) }),
    );
    const agent = new Agent({ keepAlive: true });
    const path = '/dids/acada/%2Fctao%2Facada%2FDL0/meta?plugin=JSON';
    const posted = await send(front, agent, {
      method: 'POST',
      path,
      headers: {
        'Content-Type': 'application/json',
        'X-Rucio-Auth-Token': 'jwt',
        'Keep-Alive': 'timeout=5',
      },
      body: '{"x":1}',
    });
    await send(front, agent, { path: '/ping', headers: { 'X-Forwarded-For': '192.0.2.7' } });
    agent.destroy();
    expect(JSON.parse(posted.body)).toEqual({ echo: '{"x":1}' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: path, body: '{"x":1}' });
    expect(seen[0]?.headers['x-rucio-auth-token']).toBe('jwt');
    expect(seen[0]?.headers['keep-alive']).toBeUndefined();
    expect(seen[0]?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen[1]?.headers['x-forwarded-for']).toBe('192.0.2.7');
  });

  it('passes a streamed answer through whole', async () => {
    const front = await listen(
      createFront({ upstreamHost: '127.0.0.1', upstreamPort: await syncWorker([]) }),
    );
    const agent = new Agent({ keepAlive: true });
    const reply = await send(front, agent, { path: '/stream' });
    agent.destroy();
    expect(reply.body).toBe('{"a":1}\n{"a":2}\n');
  });

  it('answers 502 naming the workers when they do not answer', async () => {
    const closed = await listen(createServer());
    servers.pop()?.close();
    const errors: string[] = [];
    const front = await listen(
      createFront({
        upstreamHost: '127.0.0.1',
        upstreamPort: closed,
        onError: (m) => errors.push(m),
      }),
    );
    const agent = new Agent({ keepAlive: true });
    const reply = await send(front, agent, { path: '/ping' });
    agent.destroy();
    expect(reply.status).toBe(502);
    expect(reply.body).toContain(`127.0.0.1:${closed} did not answer GET /ping`);
    expect(errors).toHaveLength(1);
  });

  it('drops hop-by-hop headers and those Connection names', () => {
    expect(
      endToEnd({
        connection: 'close, x-private',
        'x-private': '1',
        'transfer-encoding': 'chunked',
        'content-type': 'application/json',
      }),
    ).toEqual({ 'content-type': 'application/json' });
  });
});
