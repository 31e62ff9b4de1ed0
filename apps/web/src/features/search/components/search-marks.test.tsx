import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeScopeList } from '@/testing/factories.ts';
import { withLayout } from '@/testing/layout.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { liveSearch, makeSearchRows } from '@/testing/search-factories.ts';
import { SEARCH_MARK } from '../utils/search-marks.ts';
import { SearchPage } from './search-page.tsx';

const scopes = { 'GET /api/scopes': { body: makeScopeList(['acada']) } };
const URL_OK = `/search?scope=acada&type=file&filter=${encodeURIComponent('obs_id=2000000100')}`;

const markTime = (name: string): number | undefined =>
  performance.getEntriesByName(name, 'mark')[0]?.startTime;

const clearSearchMarks = () => {
  for (const name of Object.values(SEARCH_MARK)) performance.clearMarks(name);
};

/** Opens the permalink and waits until the search request is out. */
async function startSearch() {
  const search = liveSearch(scopes);
  renderWithProviders(<SearchPage />, { initialEntry: URL_OK, path: '/search' });
  await waitFor(() => {
    expect(search.requests).toHaveLength(1);
  });
  return search;
}

describe('search timing marks (User Timing, read by the benchmark)', { timeout: 30_000 }, () => {
  beforeEach(() => {
    withLayout();
    clearSearchMarks();
  });
  afterEach(clearSearchMarks);

  it('when a search streams to its trailer, then start, first byte, first rows painted and end are marked in that order', async () => {
    const search = await startSearch();
    expect(markTime(SEARCH_MARK.start)).toBeDefined();
    expect(markTime(SEARCH_MARK.firstByte)).toBeUndefined();

    search.push(makeSearchRows(2));
    await waitFor(() => {
      expect(markTime(SEARCH_MARK.firstRowsPainted)).toBeDefined();
    });
    expect(markTime(SEARCH_MARK.end)).toBeUndefined();
    search.push([...makeSearchRows(3, 2), { end: { count: 5 } }]);
    search.close();
    expect(await screen.findByText(/5 results — complete/)).toBeInTheDocument();

    const times = Object.values(SEARCH_MARK).map(markTime);
    expect(times.every((t) => t !== undefined)).toBe(true);
    expect([...(times as number[])].sort((a, b) => a - b)).toEqual(times);
    for (const name of Object.values(SEARCH_MARK)) {
      expect(performance.getEntriesByName(name, 'mark')).toHaveLength(1);
    }
  });

  it('when a new search starts, then the previous search’s marks are cleared', async () => {
    performance.mark(SEARCH_MARK.firstByte);
    performance.mark(SEARCH_MARK.firstRowsPainted);
    performance.mark(SEARCH_MARK.end);
    await startSearch();
    expect(markTime(SEARCH_MARK.start)).toBeDefined();
    expect(markTime(SEARCH_MARK.firstByte)).toBeUndefined();
    expect(markTime(SEARCH_MARK.firstRowsPainted)).toBeUndefined();
    expect(markTime(SEARCH_MARK.end)).toBeUndefined();
  });
});
