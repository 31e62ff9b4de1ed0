import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** Every RSE on the map; the list starts loading at once. */
export const sitesRoute: PageRoute = {
  path: 'sites',
  loader: async ({ queryClient }) => {
    const { rsesQueryOptions } = await import('@/lib/rse-queries.ts');
    return queryClient.query({ ...rsesQueryOptions(), staleTime: 'static' });
  },
  Component: lazy(async () => ({
    default: (await import('./sites-page.tsx')).SitesRoutePage,
  })),
};

/** One RSE's page. */
export const rseRoute: PageRoute = {
  path: 'sites/:rse',
  loader: async ({ queryClient, params }) => {
    const { rseQueryOptions } = await import('@/lib/rse-queries.ts');
    return queryClient.query({ ...rseQueryOptions(params.rse ?? ''), staleTime: 'static' });
  },
  Component: lazy(async () => ({
    default: (await import('@/features/rses/components/rse-page.tsx')).RsePage,
  })),
};
