import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** Every signed download link the user made: listed, filtered by state, copied, revoked. */
export const myLinksRoute: PageRoute = {
  path: 'my-links',
  loader: async ({ queryClient }) => {
    const { linksQueryOptions } = await import('@/lib/links-queries.ts');
    return queryClient.query({ ...linksQueryOptions(), staleTime: 'static' });
  },
  Component: lazy(async () => ({
    default: (await import('@/features/links/components/my-links-page.tsx')).MyLinksPage,
  })),
};
