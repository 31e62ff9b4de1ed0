import { describe, expect, it } from 'vitest';
import { pythonFilters, SearchQueryErrorDetails, SearchRow, validateQuery } from '@bdms/contract';
import { CRAB_NIGHT, Q, recordedNames, recordedRucio, search } from './search-fakes.ts';

/*
 * GET /api/search over a stubbed Rucio (search-fakes.ts): recorded answers, and bad input.
 */

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
    // One batch (six names), a first one: its DID columns and JSON keys asked apart, at once.
    expect(state.bulk.map((b) => b.plugin).sort()).toEqual(['DID_COLUMN', 'JSON']);
  });

  it('when every type is asked, then the dataset Rucio’s metadata search returned stays', async () => {
    const { stub, state } = recordedRucio();
    state.names.acada = [...recordedNames(), '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03'];
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
