import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didPath } from '../src/did-path.ts';
import { createTransport } from '../src/transport.ts';
import { createRucioClient, RucioPathError, RucioUnavailableError } from '../src/index.ts';

/** A server that records every request and redirects /scopes/ to another path. */
let server: Server;
let url = '';
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/scopes/') {
      res.writeHead(302, { Location: '/elsewhere' }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('dot segments', () => {
  it.each(['.', '..'])('when the scope or the name is %j, then didPath refuses it', (dot) => {
    expect(() => didPath(dot, '/ctao/x')).toThrow(TypeError);
    expect(() => didPath('acada', dot)).toThrow(TypeError);
  });

  it.each([
    '/dids/acada/%2e%2e/dids',
    '/dids/acada/%2E%2E/dids',
    '/dids/acada/../dids',
    '/dids/acada/./x/dids',
    '/../ping',
    'ping',
    '//evil.example/x',
  ])(
    'when a path such as %j would resolve elsewhere, then nothing is sent and it is refused',
    async (path) => {
      const before = seen.length;
      const transport = createTransport({ baseUrl: url, userAgent: 'test' });
      const error = await transport.send(path, { token: 'T' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RucioPathError);
      expect(seen.length).toBe(before);
    },
  );

  it('when the base has a path prefix, then ordinary paths stay under it', async () => {
    const rucio = createRucioClient({ baseUrl: `${url}/rucio/`, userAgent: 'test' });
    // The body is not a listing; only the path the request took matters here.
    const rows = rucio.listContents({ token: 'T', scope: 'acada', name: '/ctao/a/../b' });
    await rows[Symbol.asyncIterator]()
      .next()
      .catch(() => undefined);
    expect(seen.at(-1)?.url).toBe('/rucio/dids/acada/%2Fctao%2Fa%2F..%2Fb/dids');
  });
});

describe('redirects', () => {
  it('when Rucio answers a token-carrying call with a redirect, then it is not followed', async () => {
    const before = seen.length;
    const rucio = createRucioClient({ baseUrl: url, userAgent: 'test' });
    const error = await rucio.listScopes({ token: 'SECRET-TOKEN' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RucioUnavailableError);
    expect(seen.slice(before).map((r) => r.url)).toEqual(['/scopes/']);
  });
});
