import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  pythonFilters,
  SearchControl,
  SearchQueryErrorDetails,
  SearchRow,
  validateQuery,
  type SearchQueryInput,
} from '@bdms/contract';
import {
  createRucioClient,
  RucioError,
  type BulkMetaOptions,
  type DidSearchOptions,
} from '@bdms/rucio-client';
import { loadRecording, replayFetch } from '@bdms/rucio-client/testing';
import { login, makeApp, stubRucio } from './helpers.ts';

/*
 * GET /api/search and /api/search/export over a stubbed Rucio: the names and the bulk metadata
 * replayed from the real server's recordings (search-names, search-bulkmeta-all), or made up
 * where a test needs thousands of rows or a failure.
 */

const recordedNames = (): string[] =>
  loadRecording('search-names')
    .response.body.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string);

interface Fake {
  names: Record<string, string[]>;
  /** Throw after this many names of a scope (Rucio's stream breaking). */
  breakAfter?: number;
  searches: DidSearchOptions[];
  bulk: BulkMetaOptions[];
  aborted: () => boolean;
}

/** The recorded bulkmeta through the real client; the names from the recorded search. */
function recordedRucio(fake: Partial<Fake> = {}) {
  const replay = replayFetch([loadRecording('search-bulkmeta-all')], { chunkSize: 101 });
  const client = createRucioClient({
    baseUrl: 'http://rucio.test',
    userAgent: 't',
    fetch: replay.fetch,
  });
  const state: Fake = {
    names: { acada: recordedNames() },
    searches: [],
    bulk: [],
    aborted: () => false,
    ...fake,
  };
  return {
    state,
    stub: stubRucio({
      searchDidNames: (o) => {
        state.searches.push(o);
        return listOf(state.names[o.scope] ?? []);
      },
      bulkMeta: (o) => {
        state.bulk.push(o);
        return client.bulkMeta(o);
      },
    }),
  };
}

async function* listOf(names: string[], breakAfter?: number, signal?: AbortSignal) {
  for (const [i, name] of names.entries()) {
    if (breakAfter !== undefined && i === breakAfter) throw new Error('socket hang up');
    if (signal?.aborted) throw signal.reason;
    await Promise.resolve();
    yield name;
  }
}

/** Made-up names and metadata: every DID a FILE with obs_id = its number. */
function syntheticRucio(perScope: Record<string, number>, breakAfter?: number) {
  const state: Fake = { names: {}, searches: [], bulk: [], aborted: () => false };
  let lastSignal: AbortSignal | undefined;
  state.aborted = () => lastSignal?.aborted ?? false;
  for (const [scope, n] of Object.entries(perScope))
    state.names[scope] = Array.from({ length: n }, (_, i) => `/ctao/${scope}/f${i}`);
  const stub = stubRucio({
    searchDidNames: (o) => {
      state.searches.push(o);
      lastSignal = o.signal;
      return listOf(state.names[o.scope] ?? [], breakAfter, o.signal);
    },
    bulkMeta: (o) => {
      state.bulk.push(o);
      return (async function* () {
        await new Promise((r) => setTimeout(r, 1));
        for (const d of o.dids)
          yield {
            ...d,
            did_type: 'FILE',
            bytes: 10,
            length: null,
            obs_id: Number(d.name.split('/f')[1]),
          };
      })();
    },
  });
  return { state, stub };
}

const Q = (q: Partial<SearchQueryInput>): string =>
  JSON.stringify({ scopes: ['acada'], groups: [], ...q });

const CRAB_NIGHT: SearchQueryInput = {
  scopes: ['acada'],
  didType: 'file',
  groups: [
    [
      { key: 'target_name', op: '=', value: 'Crab' },
      { key: 'observing_night', op: '=', value: '2025-02-03' },
    ],
  ],
};

async function search(
  stub: ReturnType<typeof stubRucio>,
  q: string,
  env: Record<string, string> = {},
  extra = {},
) {
  const t = makeApp({ rucio: stub, env });
  const { sessionCookie } = await login(t);
  const res = await request(t.app)
    .get('/api/search')
    .query({ q, ...extra })
    .set('Cookie', sessionCookie);
  const lines = res.text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const rows = lines.filter((l) => 'scope' in l);
  const control = lines.filter((l) => !('scope' in l)).map((l) => SearchControl.parse(l));
  return { res, lines, rows, control, trailer: lines.at(-1) };
}

describe('GET /api/search over the recorded Rucio answers', () => {
  it('when files of one night are searched, then each name comes back with type, size and catalogue metadata, the dataset among Rucio’s answers dropped', async () => {
    const { state, stub } = recordedRucio();
    const { res, rows, trailer, control } = await search(stub, JSON.stringify(CRAB_NIGHT));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(rows.map((r) => SearchRow.parse(r).name).sort()).toEqual(recordedNames().sort());
    expect(rows[0]).toMatchObject({
      type: 'FILE',
      bytes: expect.any(Number) as number,
      meta: { target_name: 'Crab', site: 'CTAO-North', obs_id: expect.any(Number) as number },
    });
    expect(trailer).toEqual({ end: { count: rows.length, matched: recordedNames().length } });
    expect(control.some((c) => 'progress' in c)).toBe(true);
    // What Rucio was sent: the type as its own parameter, the filters as the contract's literal.
    const query = validateQuery(CRAB_NIGHT);
    if (!query.ok) throw new Error('bad query');
    expect(state.searches[0]).toMatchObject({
      scope: 'acada',
      type: 'file',
      filters: pythonFilters(query.query),
    });
    expect(state.bulk.every((b) => b.plugin === 'ALL')).toBe(true);
  });

  it('when every type is asked, then the dataset Rucio’s metadata search returned stays', async () => {
    const { stub, state } = recordedRucio();
    state.names.acada = [...recordedNames(), '/ctao/acada/DL0/LSTN-01/ctao-north/event/2025/02/03'];
    const { rows } = await search(stub, JSON.stringify({ ...CRAB_NIGHT, didType: 'all' }));
    expect(rows.filter((r) => r.type === 'DATASET')).toHaveLength(1);
  });

  it('when a cone around the Crab is asked, then Rucio gets its box and only pointings inside the circle stay', async () => {
    const { stub, state } = recordedRucio();
    const cone = { ra: 83.63308, dec: 22.0145, radius: 0.55 };
    const { rows, trailer } = await search(stub, JSON.stringify({ ...CRAB_NIGHT, cone }));
    // Recorded pointings: Dec 21.40639 (0.61° away: outside) and Dec 22.5124 (0.50°: inside).
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect((r.meta as { dec_pnt: number }).dec_pnt).toBe(22.5124);
    expect(trailer).toMatchObject({ end: { count: rows.length, matched: recordedNames().length } });
    expect(state.searches[0]?.filters).toMatch(
      /'ra_pnt\.gte': 83\.\d+, 'ra_pnt\.lte': 84\.\d+, 'dec_pnt\.gte': 21\.\d+, 'dec_pnt\.lte': 22\.\d+/,
    );
  });
});

describe('GET /api/search: bad input', () => {
  const bad = async (q: string, extra = {}) => {
    const { res } = await search(recordedRucio().stub, q, {}, extra);
    return {
      status: res.status,
      body: res.body as { error: { code: string; message: string; details: unknown } },
    };
  };

  it('when q is not JSON, then 400 says so and nothing reaches Rucio', async () => {
    const { status, body } = await bad('{nope');
    expect(status).toBe(400);
    expect(SearchQueryErrorDetails.parse(body.error.details).problems[0]).toMatchObject({
      problem: 'bad_json',
    });
  });

  it('when a condition has an unknown operator and a numeric key a word, then 400 names both fields', async () => {
    const q = Q({
      groups: [
        [
          { key: 'obs_id', op: '>=', value: 'many' },
          { key: 'site', op: '~', value: 'CTAO-North' },
        ],
      ],
    });
    const { status, body } = await bad(q);
    expect(status).toBe(400);
    const { problems } = SearchQueryErrorDetails.parse(body.error.details);
    expect(problems.map((p) => p.field)).toEqual(['groups.0.0.value', 'groups.0.1.op']);
    expect(body.error.message).toMatch(/groups\.0\.0\.value/);
  });

  it('when a DID column is mixed with a metadata key, then 400 plugin_mix names the column', async () => {
    const q = Q({
      groups: [
        [
          { key: 'length', op: '>', value: '1' },
          { key: 'site', op: '=', value: 'CTAO-North' },
        ],
      ],
    });
    const { problems } = SearchQueryErrorDetails.parse((await bad(q)).body.error.details);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'groups.0.0.key', problem: 'plugin_mix' }),
    ]);
  });

  it('when the shape is wrong, then 400 names the field', async () => {
    const { status, body } = await bad(JSON.stringify({ scopes: 'acada', groups: [] }));
    expect(status).toBe(400);
    expect(SearchQueryErrorDetails.parse(body.error.details).problems[0]?.field).toBe('scopes');
  });

  it('when names only is asked with a cone, then 400: the exact cone needs the metadata', async () => {
    const q = Q({ cone: { ra: 1, dec: 2, radius: 1 } });
    expect((await bad(q, { names: 'true' })).status).toBe(400);
  });
});

describe('GET /api/search: streaming, batching, cap, failures', () => {
  it('when 2 500 names come from two scopes, then bulk metadata goes in batches of 100 then 1 000, never more, both scopes merged', async () => {
    const { state, stub } = syntheticRucio({ acada: 1500, dpps: 1000 });
    const { rows, trailer, control } = await search(
      stub,
      Q({ scopes: ['acada', 'dpps'], didType: 'file' }),
    );
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r) => `${String(r.scope)}:${String(r.name)}`)).size).toBe(2500);
    expect(trailer).toEqual({ end: { count: 2500, matched: 2500 } });
    const sizes = state.bulk.map((b) => b.dids.length);
    expect(sizes[0]).toBe(100);
    expect(Math.max(...sizes)).toBe(1000);
    expect(state.bulk.length).toBeLessThanOrEqual(2 + Math.ceil(2500 / 1000) + 1);
    expect(state.searches.map((s) => s.scope).sort()).toEqual(['acada', 'dpps']);
    const last = control.filter((c) => 'progress' in c).at(-1);
    expect(last).toMatchObject({ progress: { matched: 2500, sent: 2500 } });
    expect((last as { progress: { scopesDone: string[] } }).progress.scopesDone.sort()).toEqual([
      'acada',
      'dpps',
    ]);
  });

  it('when the result passes SEARCH_ROW_CAP, then it stops there, says capped, and Rucio is left', async () => {
    const { state, stub } = syntheticRucio({ acada: 5000 });
    const { rows, trailer } = await search(stub, Q({ didType: 'file' }), { SEARCH_ROW_CAP: '150' });
    expect(rows).toHaveLength(150);
    expect(trailer).toMatchObject({ end: { count: 150, capped: true, cap: 150 } });
    expect(state.aborted()).toBe(true);
    expect(state.bulk.length).toBeLessThan(5);
  });

  it('when a limit below the cap is asked, then it applies the same way', async () => {
    const { stub } = syntheticRucio({ acada: 300 });
    const { rows, trailer } = await search(stub, Q({ didType: 'file' }), {}, { limit: '7' });
    expect(rows).toHaveLength(7);
    expect(trailer).toMatchObject({ end: { count: 7, capped: true, cap: 7 } });
  });

  it('when Rucio’s stream breaks after rows were sent, then the last line is an error trailer, never a clean end', async () => {
    const { stub } = syntheticRucio({ acada: 3000 }, 1200);
    const { rows, trailer, lines } = await search(stub, Q({ didType: 'file' }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(1200);
    expect(trailer).toMatchObject({
      error: {
        code: expect.any(String) as string,
        message: expect.stringMatching(/incomplete/) as string,
      },
    });
    expect(lines.some((l) => 'end' in l)).toBe(false);
  });

  it('when Rucio’s stream breaks before the first batch is full, then the names received still come, then the error trailer', async () => {
    const { stub } = syntheticRucio({ acada: 3000 }, 50);
    const { res, rows, trailer } = await search(stub, Q({ didType: 'file' }));
    expect(res.status).toBe(200);
    expect(rows).toHaveLength(50);
    expect(trailer).toMatchObject({
      error: { message: expect.stringMatching(/incomplete \(50 rows\)/) as string },
    });
  });

  it('when names only is asked, then Rucio’s names come as they are and no bulk metadata is asked', async () => {
    const { state, stub } = syntheticRucio({ acada: 1200 });
    const { rows, trailer } = await search(stub, Q({ didType: 'file' }), {}, { names: 'true' });
    expect(rows).toHaveLength(1200);
    expect(Object.keys(rows[0] ?? {})).toEqual(['scope', 'name']);
    expect(state.bulk).toHaveLength(0);
    expect(trailer).toMatchObject({ end: { count: 1200 } });
  });

  it('when BENCH_ROUTES=1, then GET /debug/metrics counts the Rucio requests a search made', async () => {
    const { stub } = syntheticRucio({ acada: 2100 });
    const t = makeApp({ rucio: stub, env: { BENCH_ROUTES: '1' } });
    const { sessionCookie } = await login(t);
    const before = (await request(t.app).get('/debug/metrics')).body as {
      rucio: { requests: number; byCall: Record<string, number> };
    };
    await request(t.app)
      .get('/api/search')
      .query({ q: Q({ didType: 'file' }) })
      .set('Cookie', sessionCookie);
    const after = (await request(t.app).get('/debug/metrics')).body as typeof before;
    expect(after.rucio.byCall.searchDidNames).toBe((before.rucio.byCall.searchDidNames ?? 0) + 1);
    const bulk = (after.rucio.byCall.bulkMeta ?? 0) - (before.rucio.byCall.bulkMeta ?? 0);
    expect(bulk).toBeLessThanOrEqual(Math.ceil(2100 / 1000) + 2);
  });
});

describe('a brand-new token used by every scope at once', () => {
  it('when Rucio refuses one scope with 401 before its first name (its first-use race), then that scope is asked again and no row is missing', async () => {
    const { state, stub } = syntheticRucio({ acada: 30, dpps: 20 });
    let refused = false;
    const search = stub.rucio.searchDidNames;
    stub.rucio.searchDidNames = (o) => {
      if (o.scope === 'dpps' && !refused) {
        refused = true;
        const refusal = new RucioError(401, 'CannotAuthenticate', 'Cannot authenticate', '/dids');
        return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(refusal) }) };
      }
      return search(o);
    };
    const t = makeApp({ rucio: stub });
    const { sessionCookie } = await login(t);
    const res = await request(t.app)
      .get(`/api/search?q=${encodeURIComponent(Q({ scopes: ['acada', 'dpps'], didType: 'file' }))}`)
      .set('Cookie', sessionCookie)
      .expect(200);
    const lines = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => 'scope' in l)).toHaveLength(50);
    expect(lines.at(-1)).toEqual({ end: { count: 50, matched: 50 } });
    expect(refused).toBe(true);
    expect(state.searches.filter((s) => s.scope === 'dpps')).toHaveLength(1);
  });
});
