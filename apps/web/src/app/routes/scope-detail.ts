import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** Nothing to prefetch until the DID browser lives here. */
export const scopeDetailRoute: PageRoute = {
  path: 'scopes/:scope',
  Component: lazy(async () => ({
    default: (await import('@/features/scopes/components/scope-detail-page.tsx')).ScopeDetailPage,
  })),
};
