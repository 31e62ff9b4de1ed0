import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRucioClient, RucioError, RucioUnavailableError } from '../src/index.ts';
import { all, loadRecording, recordedMeta, replayFetch, type Recording } from './replay.ts';

/**
 * The default sender (undici's request) against a real HTTP server that answers from the
 * recordings as Rucio does: a listing one line per chunk (Rucio writes each line on its own), with
 * its recorded status and headers. What it reads must be what the fetch replay reads.
 */
const recordings = [
  'rse-account-usage',
  'account-usage-alice',
  'scopes-bad-token',
  'whoami',
  'account-root',
  'auth-userpass',
  'list-dids',
].map(loadRecording);

let server: Server;
let base = '';
const seen: { path: string; headers: IncomingHttpHeaders; closedEarly: boolean }[] = [];

function answer(rec: Recording, res: ServerResponse, entry: (typeof seen)[0]) {
  res.writeHead(rec.response.status, rec.response.headers);
  const lines = rec.response.body.split(/(?<=\n)/);
  // One line per write, each its own chunk, a few milliseconds apart.
  const next = (i: number) => {
    if (i >= lines.length) {
      res.end();
      return;
    }
    res.write(lines[i]);
    setTimeout(() => {
      next(i + 1);
    }, 3);
  };
  res.on('close', () => {
    if (!res.writableFinished) entry.closedEarly = true;
  });
  next(0);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const entry = { path: req.url ?? '', headers: req.headers, closedEarly: false };
    seen.push(entry);
    const rec = recordings.find((r) => r.request.path === req.url);
    if (!rec) {
      res.writeHead(404).end();
      return;
    }
    answer(rec, res, entry);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const viaUndici = () => createRucioClient({ baseUrl: base, userAgent: 'bdms-test/2' });
const viaReplay = () =>
  createRucioClient({
    baseUrl: 'http://rucio.test',
    userAgent: 'bdms-test/2',
    fetch: replayFetch(recordings).fetch,
  });

describe('the default sender (undici request)', () => {
  it('when Rucio streams a listing a line per chunk, then every line is read as the replay reads it', async () => {
    const rse = 'DESY-ZN-DISK';
    const read = await all(viaUndici().listRseAccountUsage({ token: 'tok', rse }));
    expect(read).toEqual(await all(viaReplay().listRseAccountUsage({ token: 'tok', rse })));
    expect(read.length).toBe(
      loadRecording('rse-account-usage').response.body.trim().split('\n').length,
    );
    const request = seen.find((s) => s.path === `/rses/${rse}/accounts/usage`);
    expect(request?.headers['x-rucio-auth-token']).toBe('tok');
    expect(request?.headers['user-agent']).toBe('bdms-test/2');
    expect(request?.headers.accept).toBe('application/json');
  });

  it('when a line holds Infinity (an unlimited quota), then it is read as a number', async () => {
    const read = await all(viaUndici().listLocalUsage({ token: 'tok', account: 'alice' }));
    expect(read).toEqual(await all(viaReplay().listLocalUsage({ token: 'tok', account: 'alice' })));
  });

  it('when Rucio refuses the token, then RucioError carries its status and exception class', async () => {
    const error = await viaUndici()
      .listScopes({ token: 'bad' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RucioError);
    expect(error).toMatchObject({ status: 401, exceptionClass: 'CannotAuthenticate' });
  });

  it('when whoami redirects, then the account is read from our own base only', async () => {
    expect(await viaUndici().whoami({ token: 'tok' })).toBe('root');
  });

  it('when Rucio answers a login, then the token comes from its headers', async () => {
    const token = await viaUndici().authUserpass({ username: 'u', password: 'p' });
    expect(token).toMatchObject({ token: '<token>', account: 'root' });
  });

  it('when the reader stops after the first item, then the rest is not read and the next call works', async () => {
    const before = seen.length;
    const rucio = viaUndici();
    for await (const did of rucio.listContents({ token: 'tok', ...recordedMeta().dataset })) {
      expect(did).toBeDefined();
      break;
    }
    await expect.poll(() => seen[before]?.closedEarly).toBe(true);
    await expect(rucio.whoami({ token: 'tok' })).resolves.toBe('root');
  });

  it('when nothing answers at the base, then the failure is an outage naming the error', async () => {
    const rucio = createRucioClient({ baseUrl: 'http://127.0.0.1:9', userAgent: 'test' });
    const error = await rucio.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RucioUnavailableError);
    expect((error as RucioUnavailableError).reason).toBe('ECONNREFUSED');
  });
});
