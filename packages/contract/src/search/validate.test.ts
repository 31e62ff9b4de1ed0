import { describe, expect, it } from 'vitest';
import { SearchQueryInput } from './query-schema.ts';
import { validateQuery, type QueryError } from './validate.ts';

type Input = SearchQueryInput;
type Term = [key: string, op: string, value: string];

const input = (groups: Term[][], patch: Partial<Input> = {}): Input => ({
  scopes: ['acada'],
  groups: groups.map((g) => g.map(([key, op, value]) => ({ key, op, value }))),
  ...patch,
});

const errorsOf = (query: Input): QueryError[] => {
  const result = validateQuery(query);
  if (result.ok) throw new Error('accepted');
  return result.errors;
};

/** The one error of a query with one problem: its field and problem. */
const only = (query: Input): Pick<QueryError, 'field' | 'problem'> & { message: string } => {
  const errors = errorsOf(query);
  expect(errors).toHaveLength(1);
  const [{ field, problem, message }] = errors as [QueryError];
  return { field, problem, message };
};

describe('validateQuery accepts', () => {
  it('a typical CTAO query, normalised', () => {
    const result = validateQuery(
      input(
        [
          [
            ['site', '=', 'CTAO-North'],
            ['obs_id', '>=', '2000000001'],
            ['obs_id', '<=', '2000000010'],
            ['start_time', '>=', '60710.5'],
          ],
          [['target_name', '==', 'Sgr A*']],
        ],
        { didType: 'FILE', name: '/ctao/acada/*', cone: { ra: 83.6, dec: 22, radius: 2 } },
      ),
    );
    expect(result.ok && result.query).toMatchObject({
      didType: 'file',
      groups: [expect.any(Array), [{ key: 'target_name', op: '=', value: 'Sgr A*' }]],
    });
  });

  it('DID columns on their own, and unknown keys with any value', () => {
    expect(
      validateQuery(
        input([
          [
            ['bytes', '>', '1000'],
            ['created_after', '=', '2025-01-01'],
          ],
        ]),
      ).ok,
    ).toBe(true);
    expect(
      validateQuery(
        input([
          [
            ['my_key', '<', 'abc'],
            ['other', '=', '-3'],
          ],
        ]),
      ).ok,
    ).toBe(true);
  });

  it('wildcards with = and != on any scalar key', () => {
    const q = input([
      [
        ['obs_id', '=', '2000000*'],
        ['array_element', '!=', 'LSTN-%'],
      ],
    ]);
    expect(validateQuery(q).ok).toBe(true);
  });
});

describe('validateQuery names the field and the problem', () => {
  it.each<[string, Input, string, string, string]>([
    ['no scope', input([], { scopes: [] }), 'scopes', 'required', 'at least one scope'],
    ['a bad scope', input([], { scopes: ['acada', 'a b'] }), 'scopes.1', 'bad_scope', '"a b"'],
    [
      'a scope twice',
      input([], { scopes: ['acada', 'acada'] }),
      'scopes.1',
      'duplicate_scope',
      'twice',
    ],
    [
      'an unknown DID type',
      input([], { didType: 'files' }),
      'didType',
      'unknown_did_type',
      '"files"',
    ],
    ['a name with a comma', input([], { name: '/a,b' }), 'name', 'bad_character', '","'],
    ['a non-ASCII name', input([], { name: '/ctao/ü' }), 'name', 'bad_character', 'ASCII'],
    [
      'a zero radius',
      input([], { cone: { ra: 1, dec: 2, radius: 0 } }),
      'cone.radius',
      'bad_cone',
      'radius',
    ],
    ['an empty group', input([[['a', '=', '1']], []]), 'groups.1', 'empty_group', 'every DID'],
    ['an empty key', input([[['', '=', '1']]]), 'groups.0.0.key', 'required', 'key'],
    ['a dotted key', input([[['obs.id', '=', '1']]]), 'groups.0.0.key', 'bad_key', '"obs.id"'],
    [
      'a key Python reads as a number',
      input([[['1e5', '=', '1']]]),
      'groups.0.0.key',
      'bad_key',
      '1e5',
    ],
    ['the key None', input([[['None', '=', '1']]]), 'groups.0.0.key', 'bad_key', 'None'],
    ['type as a key', input([[['type', '=', 'file']]]), 'groups.0.0.key', 'own_field', 'DID type'],
    [
      'name= as a key',
      input([[['name', '==', '/x']]]),
      'groups.0.0.key',
      'own_field',
      'name pattern',
    ],
    [
      'a did_meta column',
      input([[['scope', '=', 'x']]]),
      'groups.0.0.key',
      'reserved_key',
      'own table',
    ],
    [
      'created_after with >=',
      input([[['created_after', '>=', '2025-01-01']]]),
      'groups.0.0.key',
      'bad_key',
      'takes only =',
    ],
    ['lifetime', input([[['lifetime', '>', '1']]]), 'groups.0.0.key', 'reserved_key', 'expired_at'],
    [
      'an unknown operator',
      input([[['obs_id', '=~', '1']]]),
      'groups.0.0.op',
      'unknown_operator',
      '"=~"',
    ],
    [
      'a list key',
      input([[['tel_ids', '=', '1']]]),
      'groups.0.0.value',
      'not_filterable',
      'rucio#6841',
    ],
    [
      'a word for a number',
      input([[['obs_id', '>=', 'abc']]]),
      'groups.0.0.value',
      'wrong_type',
      'whole number',
    ],
    [
      'a fraction for an id',
      input([[['obs_id', '=', '1.5']]]),
      'groups.0.0.value',
      'wrong_type',
      'whole',
    ],
    [
      'a word for an angle',
      input([[['dec_pnt', '<', 'south']]]),
      'groups.0.0.value',
      'wrong_type',
      'number',
    ],
    [
      'an RA past 360',
      input([[['ra_pnt', '<', '400']]]),
      'groups.0.0.value',
      'out_of_range',
      '0 and 360',
    ],
    [
      'yes for a flag',
      input([[['valid_fits_checksum', '=', 'yes']]]),
      'groups.0.0.value',
      'wrong_type',
      'true or false',
    ],
    [
      '> on a flag',
      input([[['valid_fits_checksum', '>', 'true']]]),
      'groups.0.0.value',
      'wrong_type',
      '= or !=',
    ],
    [
      '31 February',
      input([[['start_time', '>=', '2025-02-31']]]),
      'groups.0.0.value',
      'bad_date',
      'calendar',
    ],
    [
      'a loose night',
      input([[['observing_night', '=', '2025-2-4']]]),
      'groups.0.0.value',
      'bad_date',
      'YYYY-MM-DD',
    ],
    [
      'a third site',
      input([[['site', '=', 'CTAO-Middle']]]),
      'groups.0.0.value',
      'not_allowed',
      'CTAO-North',
    ],
    [
      'true next to -',
      input([[['target_name', '=', 'true-1']]]),
      'groups.0.0.value',
      'rewritten_by_rucio',
      'True',
    ],
    [
      'a date-like target',
      input([[['target_name', '=', '2025-02-04 21:00:00']]]),
      'groups.0.0.value',
      'rewritten_by_rucio',
      'date',
    ],
    ['an empty value', input([[['site', '=', '']]]), 'groups.0.0.value', 'required', 'empty'],
    ['a comma', input([[['target_name', '=', 'a,b']]]), 'groups.0.0.value', 'bad_character', '","'],
    ['a >', input([[['target_name', '=', 'a>b']]]), 'groups.0.0.value', 'bad_character', '">"'],
    [
      'a leading space',
      input([[['target_name', '=', ' Crab']]]),
      'groups.0.0.value',
      'bad_character',
      'space',
    ],
    [
      'a newline',
      input([[['target_name', '=', 'a\nb']]]),
      'groups.0.0.value',
      'bad_character',
      'control',
    ],
    [
      'a lone surrogate',
      input([[['target_name', '=', 'a\uD800']]]),
      'groups.0.0.value',
      'bad_character',
      'Unicode',
    ],
    [
      'a wildcard with <',
      input([[['target_name', '<', 'C*']]]),
      'groups.0.0.value',
      'wildcard_operator',
      '= or !=',
    ],
    [
      'a lone wildcard',
      input([[['site', '!=', '*']]]),
      'groups.0.0.value',
      'matches_everything',
      'ignores',
    ],
    [
      'a key+op twice',
      input([
        [
          ['obs_id', '=', '1'],
          ['obs_id', '==', '2'],
        ],
      ]),
      'groups.0.1.op',
      'duplicate',
      'twice',
    ],
    [
      'created_after beside created_at >=',
      input([
        [
          ['created_at', '>=', '2025-01-01'],
          ['created_after', '=', '2025-02-01'],
        ],
      ]),
      'groups.0.1.op',
      'duplicate',
      'twice',
    ],
    [
      'the cone’s own bound',
      input([[['ra_pnt', '>=', '80']]], { cone: { ra: 83.6, dec: 22, radius: 1 } }),
      'groups.0.0.op',
      'duplicate',
      'the cone already sets it',
    ],
    [
      'a DID column beside a metadata key',
      input([[['bytes', '>', '1000']], [['obs_id', '=', '1']]]),
      'groups.0.0.key',
      'plugin_mix',
      'bytes > is a Rucio DID column and obs_id a metadata key',
    ],
    [
      'name!= beside a metadata key',
      input([
        [
          ['name', '!=', '/x'],
          ['site', '=', 'CTAO-North'],
        ],
      ]),
      'groups.0.0.key',
      'plugin_mix',
      'name !=',
    ],
    [
      'a DID column beside a cone',
      input([[['length', '>', '1']]], { cone: { ra: 1, dec: 2, radius: 1 } }),
      'groups.0.0.key',
      'plugin_mix',
      'ra_pnt',
    ],
  ])('%s', (_, query, field, problem, words) => {
    const error = only(query);
    expect(error).toMatchObject({ field, problem });
    expect(error.message).toContain(words);
  });

  it('reports every problem of the query at once, each at its own path', () => {
    const errors = errorsOf(
      input(
        [
          [
            ['obs_id', '>=', 'x'],
            ['site', '=', 'Mars'],
          ],
          [['tel_ids', '=', '1']],
        ],
        { scopes: [] },
      ),
    );
    expect(errors.map((e) => [e.field, e.problem])).toEqual([
      ['scopes', 'required'],
      ['groups.0.0.value', 'wrong_type'],
      ['groups.0.1.value', 'not_allowed'],
      ['groups.1.0.value', 'not_filterable'],
    ]);
    expect(errors[1]?.path).toEqual(['groups', 0, 0, 'value']);
  });

  it('starts each term’s message with the key and operator', () => {
    expect(only(input([[['obs_id', '>=', 'x']]])).message).toMatch(/^obs_id >=: /);
  });
});

describe('SearchQueryInput (the zod shape)', () => {
  it('takes a query and bounds its size', () => {
    expect(SearchQueryInput.safeParse(input([[['obs_id', '=', '1']]])).success).toBe(true);
    const many = input(Array.from({ length: 21 }, () => [['a', '=', '1'] as Term]));
    expect(SearchQueryInput.safeParse(many).success).toBe(false);
  });
});
