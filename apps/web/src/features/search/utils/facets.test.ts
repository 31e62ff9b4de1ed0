import { describe, expect, it } from 'vitest';
import { makeSearchRows } from '@/testing/search-factories.ts';
import { addToFacets, rankedValues } from './facets.ts';

describe('facets', () => {
  it('when rows arrive in batches, then the counts add up and untouched keys are not copied', () => {
    const first = addToFacets({}, makeSearchRows(3));
    const second = addToFacets(first, makeSearchRows(2, 3));
    expect(second.site).toEqual({ 'CTAO-North': 3, 'CTAO-South': 2 });
    expect(second.tel_ids).toEqual({ '1': 5 });
    expect(rankedValues(second.site ?? {})[0]).toEqual(['CTAO-North', 3]);
    expect(addToFacets(second, [])).toBe(second);
  });
});
