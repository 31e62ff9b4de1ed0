import { describe, expect, it } from 'vitest';
import { readFilterText, spanAtPath } from './filter-text.ts';

describe('readFilterText', () => {
  it('gives the checked query for good text', () => {
    expect(readFilterText('obs_id>=2000000001,site=CTAO-North', { scopes: ['acada'] })).toEqual({
      ok: true,
      query: {
        scopes: ['acada'],
        groups: [
          [
            { key: 'obs_id', op: '>=', value: '2000000001' },
            { key: 'site', op: '=', value: 'CTAO-North' },
          ],
        ],
      },
    });
  });

  it('returns syntax errors as they are', () => {
    expect(readFilterText('obs_id>', { scopes: ['acada'] })).toEqual({
      ok: false,
      errors: [{ offset: 6, length: 1, message: 'missing value after ">"' }],
    });
  });

  it('places validation errors on the token they are about', () => {
    const text = 'site=CTAO-North; obs_id>=abc,bytes>10';
    const result = readFilterText(text, { scopes: ['acada'] });
    expect(result).toEqual({
      ok: false,
      errors: [{ offset: 25, length: 3, message: expect.stringContaining('not a whole number') }],
    });
    const mixed = readFilterText('obs_id>=1,bytes>10', { scopes: ['acada'] });
    expect(!mixed.ok && mixed.errors.map((e) => [e.offset, e.length])).toEqual([[10, 5]]);
  });

  it('puts errors of fields outside the text at its start', () => {
    expect(readFilterText('obs_id=1', { scopes: [] })).toEqual({
      ok: false,
      errors: [{ offset: 0, length: 0, message: 'choose at least one scope' }],
    });
  });
});

describe('spanAtPath', () => {
  const spans = [
    [
      {
        key: { offset: 0, length: 1 },
        op: { offset: 1, length: 1 },
        value: { offset: 2, length: 1 },
      },
      {
        key: { offset: 4, length: 1 },
        op: { offset: 5, length: 2 },
        value: { offset: 7, length: 3 },
      },
    ],
  ];

  it('points at a part, a whole condition or a whole group', () => {
    expect(spanAtPath(spans, ['groups', 0, 1, 'op'])).toEqual({ offset: 5, length: 2 });
    expect(spanAtPath(spans, ['groups', 0, 1])).toEqual({ offset: 4, length: 6 });
    expect(spanAtPath(spans, ['groups', 0])).toEqual({ offset: 0, length: 10 });
    expect(spanAtPath(spans, ['scopes', 0])).toBeUndefined();
    expect(spanAtPath(spans, ['groups', 3, 0, 'key'])).toBeUndefined();
  });
});
