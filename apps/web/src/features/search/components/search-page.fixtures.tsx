import { screen } from '@testing-library/react';
import { makeScopeList } from '@/testing/factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { SearchPage } from './search-page.tsx';

/** What the search page's tests share: the BFF's answers around a search, URLs, the page. */

export const scopes = {
  'GET /api/scopes': { body: makeScopeList(['acada', 'dpps', 'user.alice']) },
  // Asked when a value input gets focus (value-suggestions.test.tsx tests the suggestions).
  'GET /api/search/values': {
    body: {
      scope: 'acada',
      key: 'k',
      values: [],
      complete: true,
      computedAt: '2026-12-02T10:00:00Z',
    },
  },
};
export const FILTER = 'observatory=CTA,2000000001<=obs_id<=2000000100';
export const URL_OK = `/search?scope=acada&type=file&filter=${encodeURIComponent(FILTER)}`;

export const render = (initialEntry = '/search') =>
  renderWithProviders(<SearchPage />, { initialEntry, path: '/search' });

export const group = (g: number, i: number) =>
  screen.getByRole('group', { name: `Condition ${i} of group ${g}` });
