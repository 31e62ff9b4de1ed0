import { describe, expect, it } from 'vitest';
import { SearchQueryInput } from './query-schema.ts';
import { validateQuery } from './validate.ts';
import { errorsOf, input, only, type Term } from './validate.fixtures.ts';

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
  // One problem at a time: validate-problems.test.ts.
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
