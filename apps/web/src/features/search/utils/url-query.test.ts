import { describe, expect, it } from 'vitest';
import { narrowQuery } from './facets.ts';
import { keepView, readSearchParams, searchParamsFor, searchPart } from './url-query.ts';

const crab = {
  scopes: ['acada', 'dpps'],
  didType: 'file' as const,
  groups: [
    [
      { key: 'observatory', op: '=' as const, value: 'CTA' },
      { key: 'obs_id', op: '>=' as const, value: '2000000001' },
      { key: 'obs_id', op: '<=' as const, value: '2000000100' },
    ],
    [{ key: 'site', op: '=' as const, value: 'CTAO-South' }],
  ],
  cone: { ra: 83.63308, dec: 22.0145, radius: 1.5 },
};

describe('a search as a URL', () => {
  it('when a query is written to the URL and read back, then it is the same query', () => {
    const params = searchParamsFor(crab);
    expect(params.getAll('scope')).toEqual(['acada', 'dpps']);
    expect(params.get('filter')).toBe(
      'observatory=CTA,2000000001<=obs_id<=2000000100; site=CTAO-South',
    );
    expect(params.get('cone')).toBe('83.63308,22.0145,1.5');
    const read = readSearchParams(new URLSearchParams(params.toString()));
    expect(read).toMatchObject({ state: 'ok', query: crab });
  });

  it('when the URL has nothing, then there is no search', () => {
    expect(readSearchParams(new URLSearchParams(''))).toEqual({ state: 'empty' });
  });

  it('when the filter text is broken, then the errors point at the token', () => {
    const read = readSearchParams(new URLSearchParams('scope=acada&filter=obs_id>>5'));
    expect(read.state).toBe('invalid');
    if (read.state !== 'invalid') return;
    expect(read.syntaxErrors[0]).toMatchObject({ offset: 7, length: 1 });
  });

  it('when the query breaks a rule, then validation names the field', () => {
    const read = readSearchParams(new URLSearchParams('scope=acada&filter=obs_id>=abc'));
    expect(read.state).toBe('invalid');
    if (read.state !== 'invalid') return;
    expect(read.errors[0]?.field).toBe('groups.0.0.value');
  });

  it('when a facet narrows an OR query, then every group gets the condition and it stays a Rucio filter', () => {
    const narrowed = narrowQuery({ ...crab, cone: undefined }, 'site', 'CTAO-North');
    const text = searchParamsFor(narrowed).get('filter');
    expect(text).toBe(
      'observatory=CTA,2000000001<=obs_id<=2000000100,site=CTAO-North; site=CTAO-North',
    );
  });

  it('when the URL also holds the table’s view, then the search is the same, and a new search keeps the view', () => {
    const view = 'sort=-obs_id&cols=bytes%2Cobs_id&widths=name%3A300';
    const current = new URLSearchParams(`${searchParamsFor(crab).toString()}&${view}`);
    expect(searchPart(current)).toBe(searchParamsFor(crab).toString());
    expect(readSearchParams(current)).toEqual(readSearchParams(searchParamsFor(crab)));

    const next = keepView(current, searchParamsFor({ scopes: ['acada'], groups: [] }));
    expect(next.toString()).toBe(`scope=acada&${view}`);
    // Nothing to keep: the new search's URL alone.
    expect(keepView(new URLSearchParams('scope=dpps'), new URLSearchParams('scope=acada'))).toEqual(
      new URLSearchParams('scope=acada'),
    );
  });
});
