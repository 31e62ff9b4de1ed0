import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { RucioError } from '@bdms/rucio-client';
import { login, makeApp } from './helpers.ts';
import { Q, search, syntheticRucio } from './search-fakes.ts';

/*
 * GET /api/search's streaming: batching, cap, failures, and a new token's first use (search-fakes.ts).
 */

describe('GET /api/search: streaming, batching, cap, failures', () => {
  it('when 2 500 names come from two scopes, then bulk metadata goes in two batches of 50 then 1 000, never more, both scopes merged', async () => {
    const { state, stub } = syntheticRucio({ acada: 1500, dpps: 1000 });
    const { rows, trailer, control } = await search(
      stub,
      Q({ scopes: ['acada', 'dpps'], didType: 'file' }),
    );
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r) => `${String(r.scope)}:${String(r.name)}`)).size).toBe(2500);
    expect(trailer).toEqual({ end: { count: 2500, matched: 2500 } });
    // The two first batches as DID_COLUMN + JSON pairs, every later one as ALL.
    const asked = state.bulk.map((b) => `${b.plugin} ${String(b.dids.length)}`);
    expect(asked.slice(0, 4).sort()).toEqual([
      'DID_COLUMN 50',
      'DID_COLUMN 50',
      'JSON 50',
      'JSON 50',
    ]);
    expect(asked.slice(4).every((a) => a.startsWith('ALL '))).toBe(true);
    expect(Math.max(...state.bulk.map((b) => b.dids.length))).toBe(1000);
    // Every row has both halves: the type (DID_COLUMN) and obs_id (JSON).
    const both = (r: Record<string, unknown>) =>
      r.type === 'FILE' && typeof (r.meta as Record<string, unknown>).obs_id === 'number';
    expect(rows.every(both)).toBe(true);
    // The bound on upstream requests: scopes + ⌈rows ÷ 1000⌉ + a constant (5: the pairs).
    expect(state.searches.length + state.bulk.length).toBeLessThanOrEqual(
      2 + Math.ceil(2500 / 1000) + 5,
    );
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
    // Of the 7 batches the whole result takes (50, 50, 5 × 1 000 minus the first 100); the two
    // first each asked as a pair.
    expect(state.bulk.filter((b) => b.plugin !== 'JSON').length).toBeLessThanOrEqual(5);
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
    // Batches of 50, 50, 1 000, 1 000; the two first as pairs: 6 requests.
    expect(bulk).toBe(6);
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
