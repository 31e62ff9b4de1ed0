import { describe, expect, it } from 'vitest';
import type { SavedSearch } from '@/lib/api-contract-search.ts';
import { savedSearchHref } from './saved-link.ts';

const saved: SavedSearch = {
  id: '0b6e3f0e-8f1c-4d7e-9a3b-5c2d1e0f4a6b',
  name: 'north',
  query: { scopes: ['acada'], groups: [[{ key: 'site', op: '=', value: 'CTAO-North' }]] },
  filter: 'site=CTAO-North',
  problems: [],
  createdAt: '2025-02-04T21:34:05Z',
  updatedAt: '2025-02-04T21:34:05Z',
  lastRun: null,
};
const ID = `saved=${saved.id}`;

describe('the link that re-runs a saved search', () => {
  it('when opened from a page without a table view, then it is the query and the saved search alone', () => {
    expect(savedSearchHref(saved)).toBe(`/search?scope=acada&filter=site%3DCTAO-North&${ID}`);
  });

  it('when opened from a sorted, resized table, then the table keeps its view and the query is the saved one', () => {
    const current = new URLSearchParams('scope=dpps&filter=x%3D1&sort=-obs_id&widths=name%3A300');
    expect(savedSearchHref(saved, current)).toBe(
      `/search?scope=acada&filter=site%3DCTAO-North&${ID}&sort=-obs_id&widths=name%3A300`,
    );
  });

  it('when the saved search no longer parses, then it opens in text mode, with the view kept', () => {
    const broken: SavedSearch = { ...saved, query: undefined, filter: 'obs_id>>5' };
    expect(savedSearchHref(broken, new URLSearchParams('cols=bytes'))).toBe(
      `/search?filter=obs_id%3E%3E5&mode=text&${ID}&cols=bytes`,
    );
  });
});
