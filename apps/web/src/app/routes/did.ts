import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** The DID page; its record and the scope's roots (for the breadcrumbs) start loading at once. */
export const didRoute: PageRoute = {
  path: 'dids/:scope/:name',
  loader: async ({ queryClient, params }) => {
    const { prefetchDid } = await import('@/features/dids/api/prefetch.ts');
    return prefetchDid(queryClient, { scope: params.scope ?? '', name: params.name ?? '' });
  },
  Component: lazy(async () => ({ default: (await import('./did-page.tsx')).DidPage })),
};
