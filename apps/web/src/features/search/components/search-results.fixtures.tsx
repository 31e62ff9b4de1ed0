import { screen } from '@testing-library/react';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import type { SearchResults } from '../hooks/use-search-results.ts';
import { rowKey } from '../utils/row-selection.ts';
import { SearchResultsView } from './search-results.tsx';

/** What the result view's tests share: a finished result, the view at a URL, its rows. */

export function finished(rows: readonly SearchRow[]): SearchResults {
  return {
    status: 'complete',
    result: { batches: [rows], count: rows.length, end: { count: rows.length }, facets: {} },
    rows,
    error: null,
    cancel: () => undefined,
    rerun: () => undefined,
  };
}

export const renderResults = (rows: readonly SearchRow[], search = 'scope=acada') =>
  renderWithProviders(
    <SearchResultsView
      query={{ scopes: ['acada'], groups: [] }}
      search={finished(rows)}
      onNarrow={() => undefined}
    />,
    { initialEntry: `/search?${search}`, path: '/search' },
  );

/** The row's selection box, by the DID it shows. */
export const box = (row: SearchRow | undefined) =>
  screen.getByRole('checkbox', { name: `Select ${row ? rowKey(row) : '?'}` });

/** The keys of the rows marked selected, in the order on screen. */
export const selectedKeys = () =>
  screen
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-selected') === 'true')
    .map((r) => r.querySelector('input')?.getAttribute('aria-label')?.replace('Select ', ''));

/** The names of the body rows, in the order on screen. */
export const keysOnScreen = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('input')?.getAttribute('aria-label')?.replace('Select ', ''));
