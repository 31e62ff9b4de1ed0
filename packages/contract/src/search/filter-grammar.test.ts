import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatFilter, parseFilter } from './filter-grammar.ts';
import { RUCIO_PARSES } from './filter-grammar.rucio-fixtures.ts';
import { rucioFilterKey, type FilterCondition, type SearchQuery } from './query.ts';

/** The query as Rucio's CLI would hand it to `list_dids`: one dict per group, name included. */
function asRucioDicts(query: SearchQuery): Record<string, string>[] {
  const groups = query.groups.length > 0 ? query.groups : [[]];
  return groups.map((group) => {
    const dict: Record<string, string> = {};
    for (const c of group) dict[rucioFilterKey(c.key, c.op)] = c.value;
    if (query.didType) dict.type = query.didType;
    dict.name = query.name ?? '*';
    return dict;
  });
}

const parsed = (text: string): SearchQuery => {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.errors)}`);
  return result.query;
};

const errorsOf = (text: string) => {
  const result = parseFilter(text);
  if (result.ok) throw new Error(`${text} parsed`);
  return result.errors;
};

/** Where the portal refuses what Rucio's parser lets through by accident. */
const STRICTER = new Set(['a=1; ;b=2', 'a< =b']);

describe('parseFilter, held to Rucio 41’s own parser', () => {
  for (const { input, filters, error } of RUCIO_PARSES) {
    if (STRICTER.has(input)) continue;
    it(`reads ${JSON.stringify(input)} as Rucio does`, () => {
      const result = parseFilter(input);
      if (error) {
        expect(result.ok, `Rucio: ${error}`).toBe(false);
      } else {
        expect(result.ok && asRucioDicts(result.query)).toEqual(filters);
      }
    });
  }

  it('refuses a whitespace-only OR group, which Rucio turns into a match-all group', () => {
    expect(errorsOf('a=1; ;b=2')).toEqual([
      { offset: 5, length: 1, message: 'empty group: Rucio would match every DID' },
    ]);
  });

  it('refuses an empty key, which Rucio sends on as the key ""', () => {
    expect(errorsOf('a< =b')).toEqual([{ offset: 3, length: 1, message: 'missing key' }]);
  });
});

describe('parseFilter errors point at the offending token', () => {
  it.each([
    ['obs_id', 0, 6, 'has no operator'],
    ['site=CTAO-North,obs_id>', 22, 1, 'missing value after ">"'],
    ['=5', 0, 1, 'missing key before "="'],
    ['a=<b', 2, 1, 'unexpected operator "<"'],
    ['a===b', 3, 1, 'unexpected operator "="'],
    ['1=k<5', 1, 1, 'cannot open it'],
    ['1<k<5<6', 0, 7, 'write key=value or low<key<high'],
    ['obs_id=1, obs_id==2', 16, 2, '"obs_id =" appears twice'],
    ['1<k<5,k>2', 7, 1, '"k >" appears twice'],
    ['type=files', 5, 5, 'is no DID type'],
    ['type!=file', 4, 2, 'type takes only ='],
    ['type=file,a=1;a=2', 5, 4, 'type= must appear in every OR group'],
    ['name=/a/*;name=/b/*,k=1', 15, 4, 'name= must appear in every OR group'],
  ])('%j → at %i (+%i): %s', (text, offset, length, message) => {
    const [first] = errorsOf(text);
    expect(first).toMatchObject({ offset, length });
    expect(first?.message).toContain(message);
  });

  it('reports every broken term, in text order', () => {
    expect(errorsOf('x;obs_id>=;site').map((e) => e.offset)).toEqual([0, 8, 11]);
  });
});

describe('parseFilter', () => {
  it('makes type= and name= the query’s own fields, the type in lower case', () => {
    expect(parseFilter('type=FILE,obs_id>=1,name=/ctao/acada/*', { scopes: ['acada'] })).toEqual({
      ok: true,
      query: {
        scopes: ['acada'],
        didType: 'file',
        name: '/ctao/acada/*',
        groups: [[{ key: 'obs_id', op: '>=', value: '1' }]],
      },
      spans: [
        [
          {
            key: { offset: 10, length: 6 },
            op: { offset: 16, length: 2 },
            value: { offset: 18, length: 1 },
          },
        ],
      ],
    });
  });

  it('drops the other groups when one holds only the shared name: it matches them all', () => {
    expect(parsed('name=/c/*;obs_id=1,name=/c/*')).toEqual({
      scopes: [],
      name: '/c/*',
      groups: [],
    });
  });

  it('keeps name!= as a condition (a DID column for Rucio)', () => {
    expect(parsed('name!=/c/x').groups).toEqual([[{ key: 'name', op: '!=', value: '/c/x' }]]);
  });

  it('reads a range as two conditions, the left operator turned round, with their spans', () => {
    const result = parseFilter('5>k>=1');
    expect(result.ok && result.query.groups).toEqual([
      [
        { key: 'k', op: '<', value: '5' },
        { key: 'k', op: '>=', value: '1' },
      ],
    ]);
    expect(result.ok && result.spans[0]?.[1]).toEqual({
      key: { offset: 2, length: 1 },
      op: { offset: 3, length: 2 },
      value: { offset: 5, length: 1 },
    });
  });

  it('reads the REST spelling key.gte=v as key>=v', () => {
    expect(parsed('obs_id.gte=5,site.ne=CTAO-North').groups[0]).toEqual([
      { key: 'obs_id', op: '>=', value: '5' },
      { key: 'site', op: '!=', value: 'CTAO-North' },
    ]);
  });

  it('keeps spaces inside values, quotes, backslashes and non-ASCII as typed', () => {
    expect(parsed(`target_name = Mrk 421 , k=it's "x" \\ ü`).groups[0]).toEqual([
      { key: 'target_name', op: '=', value: 'Mrk 421' },
      { key: 'k', op: '=', value: `it's "x" \\ ü` },
    ]);
  });

  it('takes scopes and the cone from its second argument', () => {
    const cone = { ra: 83.6, dec: 22, radius: 1 };
    expect(parseFilter('', { scopes: ['acada', 'dpps'], cone })).toMatchObject({
      ok: true,
      query: { scopes: ['acada', 'dpps'], cone, groups: [] },
    });
  });
});

const c = (key: string, op: FilterCondition['op'], value: string): FilterCondition => ({
  key,
  op,
  value,
});

describe('formatFilter', () => {
  it.each<[SearchQuery, string]>([
    [{ scopes: [], groups: [] }, ''],
    [{ scopes: [], groups: [[c('obs_id', '=', '2000000200')]] }, 'obs_id=2000000200'],
    [
      {
        scopes: [],
        groups: [[c('obs_id', '>=', '1'), c('obs_id', '<=', '10')], [c('site', '=', 'CTAO-South')]],
      },
      '1<=obs_id<=10; site=CTAO-South',
    ],
    [{ scopes: [], groups: [[c('k', '<', '5'), c('k', '>', '1')]] }, 'k<5,k>1'],
    [{ scopes: [], didType: 'file', name: '/ctao/*', groups: [] }, 'type=file,name=/ctao/*'],
    [
      { scopes: ['acada'], didType: 'file', groups: [[c('a', '=', '1')], [c('b', '!=', 'x')]] },
      'a=1,type=file; b!=x,type=file',
    ],
  ])('%j → %j', (query, text) => {
    expect(formatFilter(query)).toBe(text);
  });
});

describe('round trips', () => {
  it('format(parse(t)) is a normal form of t that Rucio reads the same way', () => {
    for (const { input, filters } of RUCIO_PARSES) {
      const first = parseFilter(input);
      if (!first.ok || !filters) continue;
      const normal = formatFilter(first.query);
      expect(asRucioDicts(parsed(normal)), input).toEqual(filters);
      expect(formatFilter(parsed(normal)), input).toBe(normal);
    }
  });

  it('parse(format(m)) gives m back for 2 000 generated models', () => {
    const random = seeded(20250204);
    const failures: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const model = randomModel(random);
      const text = formatFilter(model);
      const back = parseFilter(text, { scopes: model.scopes });
      if (!back.ok || !isDeepStrictEqual(back.query, model)) failures.push(text);
    }
    expect(failures).toEqual([]);
  });
});

/** mulberry32: a small seeded generator, so a failure repeats. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['obs_id', 'site', 'ra_pnt', 'dec_pnt', 'start_time', 'target_name', 'x1', 'name'];
const OPS: FilterCondition['op'][] = ['=', '!=', '<', '<=', '>', '>='];
const VALUE_CHARS = [
  'a',
  'Z',
  '0',
  '9',
  ' ',
  '-',
  '+',
  '.',
  ':',
  '/',
  '*',
  '%',
  '_',
  '!',
  "'",
  '"',
  '\\',
  'ü',
  'é',
  '漢',
];

function randomModel(random: () => number): SearchQuery {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const value = (): string => {
    const inner = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
      pick(VALUE_CHARS),
    ).join('');
    return `v${inner.trim()}`;
  };
  const group = (): FilterCondition[] => {
    const out: FilterCondition[] = [];
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      const cond = c(pick(KEYS), pick(OPS), value());
      const taken = out.some((o) => o.key === cond.key && o.op === cond.op);
      if (!taken && !(cond.key === 'name' && cond.op === '=')) out.push(cond);
    }
    return out.length > 0 ? out : [c('obs_id', '=', '1')];
  };
  const model: SearchQuery = {
    scopes: ['acada'],
    groups: Array.from({ length: Math.floor(random() * 4) }, group),
  };
  if (random() < 0.3) model.didType = pick(['all', 'file', 'dataset'] as const);
  if (random() < 0.3) model.name = `/ctao/${value()}`;
  return model;
}
