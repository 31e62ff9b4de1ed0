import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** Browsing a scope starts at its top collections. */
export const scopeDetailRoute: PageRoute = {
  path: 'scopes/:scope',
  loader: async ({ queryClient, params }) => {
    const { prefetchScope } = await import('@/features/dids/api/prefetch.ts');
    return prefetchScope(queryClient, params.scope ?? '');
  },
  Component: lazy(async () => ({
    default: (await import('@/features/dids/components/scope-browse-page.tsx')).ScopeBrowsePage,
  })),
};
