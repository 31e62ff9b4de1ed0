import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ApiResponse } from '@bdms/contract';
import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { rucioMeta, rucioNames, signIn, type Signed } from './search-helpers.ts';

/**
 * GET /api/search/values against the real Rucio: the values the portal lists are the values the
 * archive holds, checked without the portal's code. Small scopes: every DID's metadata read
 * straight from Rucio. acada (110 000 files): every DID that has the key is counted by Rucio's own
 * equality search of one listed value (filters written by hand), and the counts add up to the DIDs
 * having the key (`key != <no such value>`, which Rucio answers only for DIDs that have it).
 * Awkward texts are set for a moment on alice's own DIDs under a key of this run, then removed.
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

/** How many DIDs of acada Rucio finds for a filter written by hand (names counted, not kept). */
const countAcada = (filters: string): Promise<number> =>
  rucioNames(alice.token, 'acada', filters).then((names) => names.length);

async function portalValues(scope: string, key: string) {
  const res = await fetch(
    `${bff.url}/api/search/values?${new URLSearchParams({ scope, key }).toString()}`,
    { headers: { Cookie: alice.cookie } },
  );
  const body = await res.json();
  return { status: res.status, body };
}

async function listed(scope: string, key: string): Promise<ApiResponse<'searchValues'>> {
  const { status, body } = await portalValues(scope, key);
  expect(status).toBe(200);
  return api.searchValues.response.parse(body);
}

/** Every distinct value of `key` in `scope`, from every DID's JSON metadata. */
async function truth(scope: string, key: string): Promise<Set<string>> {
  const names = await rucioNames(alice.token, scope, '[{}]');
  const dids = names.map((name) => ({ scope, name }));
  const metas = await rucioMeta(alice.token, dids, 'JSON');
  const out = new Set<string>();
  for (const meta of metas) {
    const value = meta[key];
    if (value !== undefined && value !== null)
      out.add(typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

describe('the values the portal lists are the values in the archive', () => {
  it.each([
    ['dpps', 'data_level'],
    ['dpps', 'data_type'],
    ['dpps', 'site'],
    ['dpps', 'particle'],
    ['user.alice', 'data_type'],
    ['user.alice', 'target_name'],
  ])('%s %s: the set read from every DID’s metadata', async (scope, key) => {
    const expected = await truth(scope, key);
    const answer = await listed(scope, key);
    expect(answer).toMatchObject({ scope, key, complete: true });
    expect(new Set(answer.values)).toEqual(expected);
    expect(answer.values).toHaveLength(expected.size);
  });

  it.each([
    ['site', ['CTAO-North', 'CTAO-South']],
    ['data_level', ['DL0']],
    [
      'target_name',
      ['1ES 1959+650', 'Crab', 'Mrk 421', 'Mrk 501', 'PKS 2155-304', 'Sgr A*', 'Vela pulsar'],
    ],
  ])(
    'acada %s: the seed’s values, and every DID having the key has one of them',
    async (key, seeded) => {
      const answer = await listed('acada', key);
      expect(answer).toMatchObject({ complete: true, values: seeded });
      const having = await countAcada(`[{'${key}.ne': 'no such value 7f3c'}]`);
      let counted = 0;
      // `Sgr A*` is a wildcard to Rucio (LIKE 'Sgr A%'): no other target starts like it.
      for (const value of answer.values) counted += await countAcada(`[{'${key}': '${value}'}]`);
      expect(having).toBeGreaterThan(0);
      expect(counted).toBe(having);
    },
    120_000,
  );
});

describe('texts Rucio would re-type or read as wildcards', () => {
  const key = `bdms_it_values_${String(Date.now())}`;
  const AWKWARD = ["O'Brien", 'true', '12', '', 'Sgr A* (true-north)', '2025-02-04 21:34:05'];
  let root = '';
  let dids: string[] = [];

  const metaUrl = (name: string) => `${RUCIO_URL}/dids/user.alice/${encodeURIComponent(name)}/meta`;

  beforeAll(async () => {
    const login = await fetch(`${RUCIO_URL}/auth/userpass`, {
      headers: { 'X-Rucio-Username': RUCIO_ROOT.username, 'X-Rucio-Password': RUCIO_ROOT.password },
    });
    root = login.headers.get('x-rucio-auth-token') ?? '';
    dids = (await rucioNames(alice.token, 'user.alice', '[{}]')).slice(0, AWKWARD.length);
    expect(dids).toHaveLength(AWKWARD.length);
    for (const [i, name] of dids.entries()) {
      const res = await fetch(metaUrl(name), {
        method: 'POST',
        headers: { 'X-Rucio-Auth-Token': root, 'Content-Type': 'application/json' },
        body: JSON.stringify({ meta: { [key]: AWKWARD[i] } }),
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    for (const name of dids)
      await fetch(`${metaUrl(name)}?key=${key}`, {
        method: 'DELETE',
        headers: { 'X-Rucio-Auth-Token': root },
      });
  });

  it('when a key outside the catalogue holds them, then each is listed exactly and the listing is complete', async () => {
    const answer = await listed('user.alice', key);
    expect(new Set(answer.values)).toEqual(new Set(AWKWARD));
    expect(answer.complete).toBe(true);
  });
});

describe('refusals', () => {
  it('when the key is numeric, then 400 names the field and why', async () => {
    const { status, body } = await portalValues('acada', 'obs_id');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'bad_request' } });
    expect(JSON.stringify(body)).toContain('query.key: obs_id holds numbers');
  });

  it('when the scope does not exist, then no values', async () => {
    expect(await listed('no-such-scope', 'site')).toMatchObject({ values: [], complete: true });
  });
});
