import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchRow, type SearchQueryInput } from '@bdms/contract';
import { startBff, type TestBff } from './bff.ts';
import {
  didKey,
  portalSearch,
  rucioCone,
  rucioDids,
  signIn,
  type Signed,
} from './search-helpers.ts';

/**
 * The portal's search result is exactly the set Rucio's REST API returns for the same filter,
 * asked with the same user's token (filters written by hand here); the portal only drops rows of
 * another DID type and, for a cone, rows outside the circle — checked against Rucio's metadata.
 */
let bff: TestBff;
let alice: Signed;

beforeAll(async () => {
  bff = await startBff();
  alice = await signIn(bff);
});
afterAll(async () => {
  await bff.stop();
});

const sorted = (keys: string[]): string[] => [...keys].sort();

async function expectSameAsRucio(
  query: SearchQueryInput,
  filters: string,
  keep: (type: string) => boolean,
) {
  const portal = await portalSearch(bff, alice, query);
  expect(portal.status).toBe(200);
  const expected = (await rucioDids(alice.token, query.scopes, filters)).filter((d) =>
    keep(d.type),
  );
  expect(sorted(portal.rows.map(didKey))).toEqual(sorted(expected.map((d) => d.key)));
  expect(portal.trailer).toMatchObject({ end: { count: expected.length } });
  for (const row of portal.rows) SearchRow.parse(row);
  return portal;
}

describe('the portal’s search equals Rucio’s answer to the same filter', () => {
  it('when files of one site are searched over two scopes, then the result is Rucio’s files, enriched', async () => {
    const portal = await expectSameAsRucio(
      {
        scopes: ['acada', 'dpps'],
        didType: 'file',
        groups: [[{ key: 'site', op: '=', value: 'CTAO-South' }]],
      },
      "[{'site': 'CTAO-South'}]",
      (t) => t === 'FILE',
    );
    expect(portal.rows.length).toBeGreaterThan(0);
    for (const r of portal.rows)
      expect(r).toMatchObject({ type: 'FILE', meta: { site: 'CTAO-South' } });
    expect(new Set(portal.rows.map((r) => r.scope))).toEqual(new Set(['acada', 'dpps']));
  });

  it('when an obs_id range is searched for every DID type, then every DID Rucio returns is there', async () => {
    const portal = await expectSameAsRucio(
      {
        scopes: ['acada', 'dpps', 'user.alice'],
        didType: 'all',
        groups: [
          [
            { key: 'obs_id', op: '>=', value: '2000000010' },
            { key: 'obs_id', op: '<=', value: '2000000012' },
          ],
        ],
      },
      "[{'obs_id.gte': 2000000010, 'obs_id.lte': 2000000012}]",
      () => true,
    );
    for (const r of portal.rows) {
      const obs = (r.meta as { obs_id: number }).obs_id;
      expect(obs).toBeGreaterThanOrEqual(2000000010);
      expect(obs).toBeLessThanOrEqual(2000000012);
    }
  });

  it('when a time window is searched, then the result is Rucio’s for the same window', async () => {
    await expectSameAsRucio(
      {
        scopes: ['acada'],
        didType: 'file',
        groups: [
          [
            { key: 'start_time', op: '>=', value: '2025-02-03T21:00:00' },
            { key: 'start_time', op: '<', value: '2025-02-03T23:00:00' },
          ],
        ],
      },
      "[{'start_time.gte': '2025-02-03T21:00:00', 'start_time.lt': '2025-02-03T23:00:00'}]",
      (t) => t === 'FILE',
    );
  });

  it('when two OR groups are searched, then the result is Rucio’s union', async () => {
    await expectSameAsRucio(
      {
        scopes: ['acada', 'dpps'],
        didType: 'file',
        groups: [
          [{ key: 'obs_id', op: '=', value: '2000000010' }],
          [{ key: 'target_name', op: '=', value: 'PKS 2155-304' }],
        ],
      },
      "[{'obs_id': 2000000010}, {'target_name': 'PKS 2155-304'}]",
      (t) => t === 'FILE',
    );
  });
});

describe('DID types: Rucio’s metadata search ignores them, the portal does not', () => {
  it('when datasets are asked with a metadata filter, then only Rucio’s datasets among its answer come', async () => {
    const portal = await expectSameAsRucio(
      {
        scopes: ['acada', 'dpps'],
        didType: 'dataset',
        groups: [[{ key: 'site', op: '=', value: 'CTAO-South' }]],
      },
      "[{'site': 'CTAO-South'}]",
      (t) => t === 'DATASET',
    );
    for (const r of portal.rows) expect(r.type).toBe('DATASET');
    // Rucio answered with files too: the portal dropped them.
    const { end } = portal.trailer as { end: { count: number; matched: number } };
    expect(end.matched).toBeGreaterThan(end.count);
  });

  it('when datasets are asked by name pattern only, then Rucio types them itself and the portal agrees', async () => {
    const portal = await expectSameAsRucio(
      { scopes: ['acada'], didType: 'dataset', name: '*/2025/02/03', groups: [] },
      "[{'name': '*/2025/02/03'}]",
      (t) => t === 'DATASET',
    );
    expect(portal.rows.length).toBeGreaterThan(0);
  });
});

describe('cone search: Rucio gets the box, the portal makes it exact', () => {
  const exactCone = async (
    query: SearchQueryInput & { cone: { ra: number; dec: number; radius: number } },
    box: string,
  ) => {
    const portal = await portalSearch(bff, alice, query);
    expect(portal.status).toBe(200);
    const expected = await rucioCone(alice.token, query.scopes, box, query.cone);
    expect(sorted(portal.rows.map(didKey))).toEqual(sorted(expected.inside));
    return { portal, expected };
  };

  it('when a cone around the Crab is searched, then exactly the pointings within the radius come', async () => {
    const cone = { ra: 83.633, dec: 22.0145, radius: 0.7 };
    const before = "'start_time.lt': '2025-11-01T00:00:00'";
    const { portal, expected } = await exactCone(
      {
        scopes: ['acada', 'dpps', 'user.alice'],
        didType: 'all',
        cone,
        groups: [[{ key: 'start_time', op: '<', value: '2025-11-01T00:00:00' }]],
      },
      `[{${before}, 'ra_pnt.gte': 80, 'ra_pnt.lte': 88, 'dec_pnt.gte': 20, 'dec_pnt.lte': 24}]`,
    );
    expect(portal.rows.length).toBeGreaterThan(0);
    // The wobble puts some of the Crab's pointings outside 0.7°: the check really drops rows.
    expect(expected.box).toBeGreaterThan(expected.inside.length);
  });

  it('when a cone crosses RA 0/360, then pointings on both sides are found, exactly', async () => {
    const cone = { ra: 355, dec: -30, radius: 30 };
    const { portal } = await exactCone(
      { scopes: ['acada', 'dpps'], didType: 'all', cone, groups: [] },
      "[{'dec_pnt.gte': -60, 'dec_pnt.lte': 0}]",
    );
    // PKS 2155-304 (RA 329.7) lies inside; the seed has no pointing on the other side of 0°.
    expect(
      portal.rows.some((r) => (r.meta as { target_name?: string }).target_name === 'PKS 2155-304'),
    ).toBe(true);
  });
});
