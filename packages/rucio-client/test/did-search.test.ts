import { describe, expect, it } from 'vitest';
import { BULK_META_MAX, RucioError } from '../src/index.ts';
import { all, loadRecording, replayClient } from './replay.ts';

/** DID search and bulk metadata, replayed from the real devstack Rucio (scripts/record-search-fixtures.ts). */
const client = replayClient;

const token = 'tok';
const filters =
  "[{'target_name': 'Crab', 'observing_night': '2025-02-03', 'obs_id.lte': 2000000002, 'array_element': 'ARRAY'}]";
const recordedNames = (): string[] =>
  loadRecording('search-names')
    .response.body.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string);

describe('searchDidNames', () => {
  it('when a metadata filter is searched, then every name arrives as its own line, read in small chunks', async () => {
    const { rucio, seen } = client(['search-names'], 7);
    const names = await all(
      rucio.searchDidNames({ token, scope: 'acada', type: 'file', limit: 6, filters }),
    );
    expect(names).toEqual(recordedNames());
    expect(names.length).toBeGreaterThan(0);
    const url = new URL(seen[0]?.url ?? '');
    expect(url.searchParams.get('filters')).toBe(filters);
    expect(url.searchParams.get('type')).toBe('file');
    expect(url.searchParams.get('long')).toBe('false');
    expect(seen[0]?.headers.get('accept')).toBe('application/x-json-stream');
    expect(seen[0]?.headers.get('x-rucio-auth-token')).toBe(token);
  });

  it('when filters=[] is asked, then nothing is sent: Rucio would search every scope', () => {
    const { rucio, seen } = client([]);
    expect(() =>
      rucio.searchDidNames({ token, scope: 'acada', type: 'all', filters: ' [] ' }),
    ).toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });

  it('when the keys belong to two metadata plugins, then Rucio’s 500 InvalidMetadata surfaces as a RucioError', async () => {
    const { rucio } = client(['search-plugin-mix']);
    const rows = rucio.searchDidNames({
      token,
      scope: 'acada',
      type: 'all',
      filters: "[{'length.gt': 1, 'site': 'x'}]",
    });
    const error = await all(rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RucioError);
    expect(error).toMatchObject({ status: 500, exceptionClass: 'InvalidMetadata' });
  });

  it('when the scope does not exist, then Rucio answers an empty stream, not an error', async () => {
    const { rucio } = client(['search-unknown-scope']);
    const rows = rucio.searchDidNames({
      token,
      scope: 'no-such-scope',
      type: 'all',
      filters: '[{}]',
    });
    expect(await all(rows)).toEqual([]);
  });

  it('when long=true is asked under the JSON plugin, then type, bytes and length come back null', async () => {
    const { rucio } = client(['search-long']);
    const hits = await all(
      rucio.searchDids({ token, scope: 'acada', type: 'file', limit: 3, filters }),
    );
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits)
      expect(hit).toMatchObject({ scope: 'acada', did_type: null, bytes: null });
  });

  it('when the caller aborts, then the request is cancelled with the caller’s own reason', async () => {
    const { rucio } = client(['search-names']);
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const error = await all(
      rucio.searchDidNames({
        token,
        scope: 'acada',
        type: 'file',
        limit: 6,
        filters,
        signal: controller.signal,
      }),
    ).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(RucioError);
  });
});

describe('bulkMeta', () => {
  it('when ALL is asked, then DID columns and JSON keys come in one line per known DID; unknown ones are skipped', async () => {
    const { rucio, bodies } = client(['search-bulkmeta-all'], 50);
    const dids = recordedNames().map((name) => ({ scope: 'acada', name }));
    const request = [...dids, { scope: 'acada', name: '/ctao/nope' }];
    const rows = await all(rucio.bulkMeta({ token, dids: request, plugin: 'ALL' }));
    expect(bodies[0]).toMatchObject({ plugin: 'ALL', inherit: false });
    const files = rows.filter((r) => r.did_type === 'FILE');
    expect(files.map((r) => r.name).sort()).toEqual(dids.map((d) => d.name).sort());
    expect(files[0]).toMatchObject({ target_name: 'Crab', bytes: expect.any(Number) });
    expect(rows.find((r) => r.did_type === 'DATASET')).toBeDefined();
    expect(rows.some((r) => r.name === '/ctao/nope')).toBe(false);
  });

  it('when more than 1 000 DIDs are given, then nothing is sent', () => {
    const { rucio, seen } = client([]);
    const dids = Array.from({ length: BULK_META_MAX + 1 }, (_, i) => ({
      scope: 's',
      name: `/n${i}`,
    }));
    expect(() => rucio.bulkMeta({ token, dids, plugin: 'JSON' })).toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
});
