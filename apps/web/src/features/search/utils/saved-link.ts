import type { SavedSearch } from '@/lib/api-contract-search.ts';
import { PARAM, searchParamsFor } from './url-query.ts';

/**
 * The permalink that re-runs a saved search and records the run. A saved search with problems
 * opens in text mode, where its errors are shown on the filter text.
 */
export function savedSearchHref(saved: SavedSearch): string {
  const mode = saved.problems.length > 0 ? 'text' : undefined;
  if (saved.query) {
    return `/search?${searchParamsFor(saved.query, { saved: saved.id, ...(mode && { mode }) }).toString()}`;
  }
  const params = new URLSearchParams({ [PARAM.filter]: saved.filter, [PARAM.mode]: 'text' });
  params.set(PARAM.saved, saved.id);
  return `/search?${params.toString()}`;
}
