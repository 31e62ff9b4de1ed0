import type { SavedSearch } from '@/lib/api-contract-search.ts';
import { keepView, PARAM, searchParamsFor } from './url-query.ts';

/**
 * The permalink that re-runs a saved search and records the run. A saved search with problems
 * opens in text mode, where its errors are shown on the filter text. The table keeps the sort,
 * columns and widths of the URL it is opened from (`current`), as a search run there would: a
 * saved search holds the query only.
 */
export function savedSearchHref(
  saved: SavedSearch,
  current: URLSearchParams = new URLSearchParams(),
): string {
  const mode = saved.problems.length > 0 ? 'text' : undefined;
  const params = saved.query
    ? searchParamsFor(saved.query, { saved: saved.id, ...(mode && { mode }) })
    : new URLSearchParams({
        [PARAM.filter]: saved.filter,
        [PARAM.mode]: 'text',
        [PARAM.saved]: saved.id,
      });
  return `/search?${keepView(current, params).toString()}`;
}
