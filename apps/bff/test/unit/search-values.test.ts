import { describe, expect, it } from 'vitest';
import { pyText } from '@bdms/contract';
import { familyPrefix, rangeFilters } from '../../src/search/range-filters.ts';
import { listDistinctValues, type RangePort } from '../../src/search/value-ranges.ts';
import { createValuesService, DEFAULT_VALUE_LIMITS } from '../../src/search/values.service.ts';
import { didsWith, fakeArchive, readFilters, typecast, type FakeDid } from './values-fakes.ts';

/*
 * The archive's values of a key (GET /api/search/values), listed by range splitting over a
 * stand-in for Rucio's JSON-plugin search (values-fakes.ts); the recorded real answers are
 * replayed in search-values-recorded.test.ts.
 */

const live = () => new AbortController().signal;

async function list(dids: FakeDid[], key: string, limits = DEFAULT_VALUE_LIMITS) {
  const archive = fakeArchive(dids);
  const service = createValuesService({ rucio: archive.stub.rucio, referenceCacheMs: 0, limits });
  const answer = await service.list('tok', 'acada', key, live());
  return { ...answer, archive };
}

describe('the filters of one interval', () => {
  it('asks for any DID with the key, then for values strictly between text bounds', () => {
    expect(rangeFilters('site', {})).toBe("[{'site': '**'}]");
    expect(rangeFilters('site', { above: 'CTAO-North' })).toBe("[{'site.gt': 'CTAO-North'}]");
    expect(rangeFilters('site', { above: 'a', below: 'b' })).toBe(
      `[{'site.gt': ${pyText('a')}, 'site.lt': ${pyText('b')}}]`,
    );
  });

  it('writes a family as a LIKE pattern, inside or outside it', () => {
    expect(rangeFilters('t', { within: 'Sgr A', above: 'M' })).toBe(
      "[{'t': 'Sgr A*', 't.gt': 'M'}]",
    );
    expect(rangeFilters('t', { outside: 'Sgr A' })).toBe("[{'t.ne': 'Sgr A*'}]");
  });

  it.each(["O'Brien", '12', 'true', 'None', '', "'quoted'", 'ünï 😀', 'back\\slash'])(
    'sends %j so that Rucio compares exactly that text',
    (value) => {
      const [[, sent] = ['', '']] = readFilters(rangeFilters('k', { above: value }));
      expect(typecast(sent)).toBe(value);
    },
  );

  it.each([
    ['Sgr A*', 'Sgr A'],
    ['50%', '50'],
    ['true-north', 'tru'],
    ['untrue-x', 'untru'],
    ['a\\b*', 'a'],
    ['2025-02-04 21:34:05', '2025-02-04 21:34:05'],
    ['*x', ''],
  ])('names the family of %j by %j, a pattern Rucio keeps', (text, prefix) => {
    expect(familyPrefix(text)).toBe(prefix);
    if (prefix === '') return;
    const [[, sent] = ['', '']] = readFilters(rangeFilters('k', { within: prefix }));
    expect(typecast(sent)).toEqual({ wildcard: `${prefix}*` });
  });
});

describe('listing the values of a key', () => {
  it('when a key has two values over many DIDs, then both come back, complete, at two searches and one read per value plus one', async () => {
    const dids = didsWith('site', ['CTAO-South', 'CTAO-North'], 20);
    const { values, complete, archive } = await list(dids, 'site');
    expect(values).toEqual(['CTAO-North', 'CTAO-South']);
    expect(complete).toBe(true);
    expect(archive.searches).toHaveLength(5);
    expect(archive.bulk).toHaveLength(2);
    expect(archive.searches.every((s) => s.limit === 1 && s.type === 'all')).toBe(true);
    expect(archive.bulk.every((b) => b.plugin === 'JSON' && b.dids.length === 1)).toBe(true);
  });

  it('when DIDs lack the key, then they are not counted, and a key nobody has gives no values at one search', async () => {
    const dids = [...didsWith('site', ['CTAO-North']), { name: '/x', meta: { other: 'v' } }];
    expect((await list(dids, 'site')).values).toEqual(['CTAO-North']);
    const none = await list(dids, 'absent');
    expect(none).toMatchObject({ values: [], complete: true });
    expect(none.archive.searches).toHaveLength(1);
  });

  it('when values are texts Rucio would re-type if sent plainly, then each is found exactly and the listing is complete', async () => {
    const hostile = [
      "O'Brien",
      'a"b',
      'back\\slash',
      'ünïcödé',
      '😀 emoji',
      '',
      'Mrk 421',
      '12',
      '1e5',
      'True',
      'false',
      'untrue',
      'None',
      '[1]',
      '2025-02-03',
      "'quoted'",
      'x_y',
      'CTAO-North',
      'ctao-north',
    ];
    const { values, complete } = await list(didsWith('k', hostile), 'k');
    expect(complete).toBe(true);
    expect(new Set(values)).toEqual(new Set(hostile));
    expect(values).toHaveLength(hostile.length);
  });

  it.each(['Sgr A*', '50%', 'true-north', '2025-02-04 21:34:05'])(
    'when a value is %j (a wildcard, or re-typed by Rucio although it holds + - * /), then it is never sent as a bound: the others are split outside its family, the family is read DID by DID, and every value is found',
    async (awkward) => {
      const values = ['plain', 'zeta', awkward, 'alpha', 'PKS 2155-304', `${awkward} East`];
      const listed = await list(didsWith('k', values, 2), 'k');
      expect(new Set(listed.values)).toEqual(new Set(values));
      expect(listed.complete).toBe(true);
      const bounds = listed.archive.searches.flatMap((s) =>
        readFilters(s.filters).filter(([k]) => /\.(gt|lt)$/.test(k)),
      );
      expect(bounds.length).toBeGreaterThan(0);
      for (const [, bound] of bounds) expect(bound).not.toBe(awkward);
    },
  );

  it('when a family holds more DIDs than are read one by one, then its values are missed and the listing says so', async () => {
    const dids = didsWith('k', ['plain', 'Sgr A*', 'Sgr A East'], 5);
    const limits = { ...DEFAULT_VALUE_LIMITS, readMax: 6 };
    const listed = await list(dids, 'k', limits);
    expect(listed.values).toEqual(expect.arrayContaining(['plain', 'Sgr A*']));
    expect(listed.complete).toBe(false);
  });

  it('when a key outside the catalogue holds numbers and booleans, then they come back as JSON writes them, compared as text', async () => {
    const { values, complete } = await list(didsWith('n', [5, 12, true, 'x']), 'n');
    expect(values).toEqual(['12', '5', 'true', 'x']);
    expect(complete).toBe(true);
  });

  it('when Postgres writes a number otherwise than JSON (1.0), then it is not split at again but read as a family, and the listing ends', async () => {
    const dids: FakeDid[] = [
      { name: '/a', meta: { n: 1 }, pgText: { n: '1.0' } },
      { name: '/b', meta: { n: 'z' } },
      { name: '/c', meta: { n: 'a' } },
    ];
    const { values, archive } = await list(dids, 'n');
    expect(new Set(values)).toEqual(new Set(['1', 'a', 'z']));
    expect(archive.searches.length).toBeLessThan(20);
  });

  it('when a value is a list, then it is left out and the listing says it is incomplete', async () => {
    const { values, complete } = await list(didsWith('tels', [[1, 2]], 1), 'tels');
    expect(values).toEqual([]);
    expect(complete).toBe(false);
  });

  it('when there are more values than the cap, then the cap is kept and the listing says it is incomplete', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    const limits = { ...DEFAULT_VALUE_LIMITS, maxValues: 25 };
    const { values, complete } = await list(didsWith('k', many, 1), 'k', limits);
    expect(values).toHaveLength(25);
    expect(complete).toBe(false);
    for (const v of values) expect(many).toContain(v);
  });

  it('when the time budget is spent, then no more Rucio calls start and the listing says it is incomplete', async () => {
    let clock = 0;
    let probes = 0;
    const port: RangePort = {
      any: () => {
        probes += 1;
        clock += 1000;
        return Promise.resolve({ value: `v${String(probes)}` });
      },
      all: () => Promise.resolve([]),
    };
    const limits = { ...DEFAULT_VALUE_LIMITS, budgetMs: 3500, inFlight: 1 };
    const listed = await listDistinctValues(port, limits, live(), () => clock);
    expect(listed.complete).toBe(false);
    expect(probes).toBe(4);
  });

  it('when Rucio fails, then the listing fails with Rucio’s error', async () => {
    const archive = fakeArchive(didsWith('site', ['a', 'b']), {
      fail: (o) => (o.filters.includes('.lt') ? new Error('Rucio down') : undefined),
    });
    const service = createValuesService({ rucio: archive.stub.rucio, referenceCacheMs: 0 });
    await expect(service.list('tok', 'acada', 'site', live())).rejects.toThrow('Rucio down');
  });
});
