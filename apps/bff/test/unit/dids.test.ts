import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ApiErrorBody, DidSummary, StreamTrailer } from '@bdms/contract';
import { createRucioClient, RucioUnavailableError } from '@bdms/rucio-client';
import { loadRecording, recordedMeta, replayFetch } from '@bdms/rucio-client/testing';
import { login, makeApp, stubRucio } from './helpers.ts';

/** The real client over responses recorded from the real Rucio server. */
function recordedRucio() {
  const replay = replayFetch([loadRecording('list-dids'), loadRecording('list-dids-not-found')], {
    chunkSize: 97,
  });
  const client = createRucioClient({
    baseUrl: 'http://rucio.test',
    userAgent: 'bff-test',
    fetch: replay.fetch,
  });
  return stubRucio({ listContents: client.listContents });
}

const contentsUrl = (scope: string, name: string) =>
  `/api/dids/${encodeURIComponent(scope)}/${encodeURIComponent(name)}/contents`;

const lines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);

describe('GET /api/dids/:scope/:name/contents', () => {
  it('when the dataset exists, then every row Rucio streamed arrives as a DidSummary line, then an end trailer', async () => {
    const t = makeApp({ rucio: recordedRucio() });
    const { sessionCookie } = await login(t);
    const { scope, name } = recordedMeta().dataset;
    const res = await request(t.app).get(contentsUrl(scope, name)).set('Cookie', sessionCookie);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const all = lines(res.text);
    const rows = all.slice(0, -1).map((l) => DidSummary.parse(l));
    const recorded = loadRecording('list-dids').response.body.split('\n').filter(Boolean);
    expect(rows).toHaveLength(recorded.length);
    expect(rows.every((r) => r.scope === scope && r.name.startsWith('/ctao/'))).toBe(true);
    expect(StreamTrailer.parse(all.at(-1))).toEqual({ end: { count: recorded.length } });
  });

  it('when Rucio does not know the dataset, then it answers 404 JSON with Rucio’s message, before any row', async () => {
    const t = makeApp({ rucio: recordedRucio() });
    const { sessionCookie } = await login(t);
    const res = await request(t.app)
      .get(contentsUrl('acada', '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03-does-not-exist'))
      .set('Cookie', sessionCookie);
    expect(res.status).toBe(404);
    expect(ApiErrorBody.parse(res.body).error.message).toContain('not found');
  });

  it('when the stream breaks after rows were sent, then the last line is an error trailer saying it is incomplete', async () => {
    const rucio = stubRucio({
      listContents: async function* () {
        await Promise.resolve();
        yield { scope: 'acada', name: '/ctao/acada/a', type: 'FILE' as const, bytes: 1 };
        throw new RucioUnavailableError('/dids/acada/x/dids', 'stream broken: ECONNRESET');
      },
    });
    const t = makeApp({ rucio });
    const { sessionCookie } = await login(t);
    const res = await request(t.app)
      .get(contentsUrl('acada', '/ctao/acada'))
      .set('Cookie', sessionCookie);
    expect(res.status).toBe(200);
    const all = lines(res.text);
    expect(all).toHaveLength(2);
    const trailer = StreamTrailer.parse(all[1]);
    expect('error' in trailer && trailer.error.code).toBe('rucio_unavailable');
    expect(JSON.stringify(trailer)).toContain('incomplete (1 rows)');
  });

  it('when the scope is not a scope name, then it answers 400 without asking Rucio', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await request(t.app)
      .get(contentsUrl('no such scope!', '/ctao'))
      .set('Cookie', sessionCookie);
    expect(res.status).toBe(400);
    expect(ApiErrorBody.parse(res.body).error.code).toBe('bad_request');
  });

  it('when there is no session, then it answers 401', async () => {
    const res = await request(makeApp().app).get(contentsUrl('acada', '/ctao'));
    expect(res.status).toBe(401);
  });
});
