import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTransport } from '../src/transport.ts';
import { createRucioClient, RucioError, RucioLimitBytes, RucioPayloadError } from '../src/index.ts';
import { loadRecording, recordedMeta, replayFetch, type Recording } from './replay.ts';

const base = 'http://rucio.test';
const client = (recordings: Recording[], chunkSize?: number) => {
  const replay = replayFetch(recordings, { chunkSize });
  return {
    rucio: createRucioClient({ baseUrl: base, userAgent: 'bdms-test/1', fetch: replay.fetch }),
    seen: replay.seen,
  };
};

describe('ping', () => {
  it('when Rucio answers /ping, then its version is returned', async () => {
    const { rucio, seen } = client([loadRecording('ping')]);
    const { version } = await rucio.ping();
    expect(version).toMatch(/^41\./);
    expect(seen[0]?.headers.get('user-agent')).toBe('bdms-test/1');
    expect(seen[0]?.headers.has('x-rucio-auth-token')).toBe(false);
  });
});

describe('listScopes', () => {
  it('when called with a token, then it sends the raw token in X-Rucio-Auth-Token and returns the names', async () => {
    const { rucio, seen } = client([loadRecording('scopes')]);
    const scopes = await rucio.listScopes({ token: 'eyJ.raw.jwt' });
    expect(scopes.length).toBeGreaterThan(0);
    expect(scopes).toEqual(JSON.parse(loadRecording('scopes').response.body));
    expect(seen[0]?.headers.get('x-rucio-auth-token')).toBe('eyJ.raw.jwt');
    expect(seen[0]?.headers.has('authorization')).toBe(false);
  });

  it('when Rucio rejects the token, then RucioError carries 401 and CannotAuthenticate', async () => {
    const { rucio } = client([loadRecording('scopes-bad-token')]);
    const error = (await rucio
      .listScopes({ token: 'not-a-valid-token' })
      .catch((e: unknown) => e)) as RucioError;
    expect(error).toBeInstanceOf(RucioError);
    expect(error.status).toBe(401);
    expect(error.exceptionClass).toBe('CannotAuthenticate');
    expect(error.exceptionMessage).toBeTruthy();
  });

  it('when Rucio returns something that is not a list of names, then a RucioPayloadError is raised', async () => {
    const ping = loadRecording('ping');
    const { rucio } = client([{ ...ping, request: { ...ping.request, path: '/scopes/' } }]);
    await expect(rucio.listScopes({ token: 't' })).rejects.toBeInstanceOf(RucioPayloadError);
  });
});

describe('whoami', () => {
  it('when Rucio redirects whoami to the account, then the account name is returned', async () => {
    const { rucio, seen } = client([loadRecording('whoami'), loadRecording('account-root')]);
    expect(await rucio.whoami({ token: 'tok' })).toBe('root');
    expect(seen.map((s) => new URL(s.url).pathname)).toEqual([
      '/accounts/whoami',
      '/accounts/root',
    ]);
    expect(
      seen.every((s) => s.url.startsWith(base) && s.headers.get('x-rucio-auth-token') === 'tok'),
    ).toBe(true);
  });
});

describe('authUserpass', () => {
  it('when the password is right, then the token and account come from the headers', async () => {
    const { rucio, seen } = client([loadRecording('auth-userpass')]);
    const result = await rucio.authUserpass({ username: 'u', password: 'p' });
    expect(result).toMatchObject({ token: '<token>', account: 'root' });
    expect(seen[0]?.headers.get('accept')).not.toBe('application/json');
  });

  it('when the password is wrong, then RucioError 401', async () => {
    const { rucio } = client([loadRecording('auth-userpass-wrong-password')]);
    await expect(rucio.authUserpass({ username: 'u', password: 'wrong' })).rejects.toMatchObject({
      status: 401,
    });
  });
});

describe('listContents', () => {
  const { dataset } = recordedMeta();

  it('when a dataset is listed, then every streamed line is parsed, also across tiny chunks', async () => {
    const { rucio, seen } = client([loadRecording('list-dids')], 7);
    const dids = [];
    for await (const did of rucio.listContents({ token: 'tok', ...dataset })) dids.push(did);
    const lines = loadRecording('list-dids').response.body.split('\n').filter(Boolean);
    expect(dids).toHaveLength(lines.length);
    expect(dids[0]).toMatchObject({ scope: dataset.scope, type: 'FILE' });
    expect(seen[0]?.headers.get('accept')).toBe('application/x-json-stream');
  });

  it('when the dataset does not exist, then RucioError 404 DataIdentifierNotFound', async () => {
    const { rucio } = client([loadRecording('list-dids-not-found')]);
    const iterate = async () => {
      const out: unknown[] = [];
      for await (const did of rucio.listContents({
        token: 'tok',
        scope: dataset.scope,
        name: `${dataset.name}-does-not-exist`,
      }))
        out.push(did);
      return out;
    };
    await expect(iterate()).rejects.toMatchObject({
      status: 404,
      exceptionClass: 'DataIdentifierNotFound',
    });
  });
});

describe('a recorded usage stream', () => {
  it('when the real NDJSON body is streamed, then every line parses (Rucio writes `, ` and `: ` separators)', async () => {
    const rec = loadRecording('account-usage-alice');
    const { streamNdjson } = await import('../src/ndjson.ts');
    const lines: unknown[] = [];
    for await (const line of streamNdjson(new Response(rec.response.body).body!)) lines.push(line);
    expect(lines.length).toBe(rec.response.body.split('\n').filter(Boolean).length);
    expect(lines[0]).toMatchObject({ rse: expect.any(String), bytes_limit: expect.any(Number) });
  });
});

describe('JSON bodies and the acting account', () => {
  it('when a call has a body, then it is sent as JSON with its method, and X-Rucio-Account when asked', async () => {
    const seen: Request[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      seen.push(new Request(input, init));
      return Promise.resolve(new Response('{"limit": Infinity}', { status: 201 }));
    };
    const t = createTransport({ baseUrl: base, userAgent: 'ua', fetch: fetchSpy });
    const answer = await t.json(
      '/accounts/alice/limits/local/SITE',
      z.object({ limit: RucioLimitBytes }),
      {
        method: 'POST',
        token: 'tok',
        account: 'alice',
        body: { bytes: 1024 },
      },
    );
    expect(answer.limit).toBe(Number.POSITIVE_INFINITY);
    const sent = seen[0] as Request;
    expect(sent.method).toBe('POST');
    expect(sent.headers.get('content-type')).toBe('application/json');
    expect(sent.headers.get('x-rucio-account')).toBe('alice');
    expect(await sent.json()).toEqual({ bytes: 1024 });
    await t.call('/rules/abc', { method: 'DELETE', token: 'tok', body: {} });
    expect(seen[1]?.method).toBe('DELETE');
    expect(await seen[1]?.text()).toBe('{}');
  });
});
