import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** Metadata search; its query lives in the URL, and the page starts the search itself. */
export const searchRoute: PageRoute = {
  path: 'search',
  Component: lazy(async () => ({
    default: (await import('@/features/search/components/search-page.tsx')).SearchPage,
  })),
};
