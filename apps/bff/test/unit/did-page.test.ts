import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  ApiErrorBody,
  DidDetails,
  DidRuleList,
  DidSummary,
  ReplicaSummary,
  ScopeRoots,
  StreamTrailer,
} from '@bdms/contract';
import { createRucioClient } from '@bdms/rucio-client';
import {
  loadRecording,
  recordedMeta,
  replayFetch,
  type Recording,
} from '@bdms/rucio-client/testing';
import { login, makeApp, replayedRucio } from './helpers.ts';

const RECORDINGS = [
  'did-info-dataset',
  'did-info-container',
  'did-info-file',
  'did-info-not-found',
  'did-meta-file-column',
  'did-meta-file-json',
  'did-meta-dataset-column',
  'did-meta-dataset-json',
  'did-parents-file',
  'did-rules-dataset',
  'did-associated-rules-dataset',
  'did-rules-not-found',
  'dataset-replicas-partial',
  'dataset-replicas-partial-deep',
  'scope-collections',
];

/** The real client over responses recorded from the real Rucio server. */
function recordedRucio(recordings: Recording[]) {
  const replay = replayFetch(recordings, { chunkSize: 97 });
  const client = createRucioClient({
    baseUrl: 'http://rucio.test',
    userAgent: 't',
    fetch: replay.fetch,
  });
  return replayedRucio(client);
}

const { dataset, file, partial, partialFile } = recordedMeta();
const url = (did: { scope: string; name: string }, tail = '') =>
  `/api/dids/${encodeURIComponent(did.scope)}/${encodeURIComponent(did.name)}${tail}`;

const get = (path: string) => getWith(path, RECORDINGS.map(loadRecording));

async function getWith(path: string, recordings: Recording[]) {
  const t = makeApp({ rucio: recordedRucio(recordings) });
  const { sessionCookie } = await login(t);
  return request(t.app).get(path).set('Cookie', sessionCookie);
}

describe('GET /api/dids/:scope/:name', () => {
  it('when the DID is a file, then its checksums, dates and typed CTAO metadata with units arrive', async () => {
    const res = await get(url(file));
    expect(res.status).toBe(200);
    const did = DidDetails.parse(res.body);
    expect(did).toMatchObject({
      ...file,
      type: 'FILE',
      length: 1,
      adler32: file.adler32,
      md5: file.md5,
    });
    expect(did.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    const meta = Object.fromEntries(did.metadata.map((m) => [m.key, m]));
    expect(meta.ra_pnt).toMatchObject({ plugin: 'JSON', kind: 'number', unit: 'deg' });
    expect(meta.start_time).toMatchObject({ kind: 'datetime' });
    expect(meta.observing_night).toMatchObject({ kind: 'date' });
    expect(meta.valid_fits_checksum).toMatchObject({ kind: 'boolean', value: true });
    expect(meta.purge_replicas).toMatchObject({ plugin: 'DID_COLUMN' });
  });

  it('when the DID is a dataset, then its files are counted and its status says open', async () => {
    const did = DidDetails.parse((await get(url(dataset))).body);
    expect(did.type).toBe('DATASET');
    expect(did.length).toBeGreaterThan(0);
    expect(did.status.open).toBe(true);
    expect(did.status.availability).toBe('AVAILABLE');
  });

  it('when Rucio does not know the DID, then 404 not_found with Rucio’s words', async () => {
    const res = await get(url({ scope: dataset.scope, name: `${dataset.name}-nope` }));
    expect(res.status).toBe(404);
    expect(ApiErrorBody.parse(res.body).error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.message).toContain('not found');
  });
});

describe('GET /api/dids/:scope/:name/parents', () => {
  it('when a file is asked, then its dataset streams as a DidSummary line and the trailer counts it', async () => {
    const res = await get(url(file, '/parents'));
    expect(res.status).toBe(200);
    const lines = res.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown);
    expect(DidSummary.parse(lines[0])).toEqual({ ...dataset, type: 'DATASET', bytes: null });
    expect(StreamTrailer.parse(lines.at(-1))).toEqual({ end: { count: 1 } });
  });
});

describe('GET /api/dids/:scope/:name/rules', () => {
  it('when a dataset has rules, then each comes with its state and lock counts', async () => {
    const { rules } = DidRuleList.parse((await get(url(dataset, '/rules'))).body);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules[0]).toMatchObject({ state: 'OK', locks: { ok: expect.any(Number) } });
  });

  it('when the DID does not exist, then 404', async () => {
    const res = await get(url({ scope: dataset.scope, name: `${dataset.name}-nope` }, '/rules'));
    expect(res.status).toBe(404);
  });
});

describe('GET /api/dids/:scope/:name/replicas/summary', () => {
  /** A recorded DID record, answered for another DID of the same type. */
  const infoFor = (recording: string, did: { scope: string; name: string }): Recording => {
    const rec = loadRecording(recording);
    const path = `${url(did).replace(/^\/api/, '')}?dynamic_depth=FILE`;
    return { ...rec, request: { ...rec.request, path } };
  };

  it('when a dataset is still being replicated, then RSEs with all files and RSEs still filling both show', async () => {
    const res = await getWith(url(partial, '/replicas/summary'), [
      infoFor('did-info-dataset', partial),
      ...RECORDINGS.map(loadRecording),
    ]);
    const summary = ReplicaSummary.parse(res.body);
    expect(summary.source).toBe('dataset_replicas');
    expect(summary.rses.some((r) => r.availableFiles === r.totalFiles && r.totalFiles > 0)).toBe(
      true,
    );
    expect(summary.rses.some((r) => r.availableFiles === 0 && r.state === 'UNAVAILABLE')).toBe(
      true,
    );
  });

  it('when a file is asked, then its own replicas give one row per RSE, COPYING ones not available', async () => {
    const res = await getWith(url(partialFile, '/replicas/summary'), [
      infoFor('did-info-file', partialFile),
      loadRecording('partial-file-replicas'),
    ]);
    const summary = ReplicaSummary.parse(res.body);
    expect(summary.source).toBe('file_replicas');
    expect(summary.rses.find((r) => r.state === 'COPYING')).toMatchObject({
      availableFiles: 0,
      totalFiles: 1,
    });
    expect(summary.rses.find((r) => r.state === 'AVAILABLE')).toMatchObject({ availableFiles: 1 });
  });
});

describe('GET /api/scopes/:scope/roots', () => {
  it('when a scope is browsed, then only collections without an ancestor in the scope are roots', async () => {
    const res = await get('/api/scopes/user.alice/roots');
    const { roots } = ScopeRoots.parse(res.body);
    expect(roots).toEqual([
      { scope: 'user.alice', name: '/ctao/user/a/alice', type: 'CONTAINER', bytes: null },
    ]);
  });

  it('when the scope is not a scope name, then 400 without asking Rucio', async () => {
    const res = await get('/api/scopes/no%20such!/roots');
    expect(res.status).toBe(400);
  });
});
