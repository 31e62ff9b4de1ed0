import { lazy } from 'react';
import { scopesQueryOptions } from '@/features/scopes/api/get-scopes.ts';
import type { PageRoute } from './page-route.ts';

export const scopesRoute: PageRoute = {
  path: 'scopes',
  // ensureQueryData, spelled as TanStack Query 5.108 asks (cached data is used as it is).
  loader: ({ queryClient }) => queryClient.query({ ...scopesQueryOptions(), staleTime: 'static' }),
  Component: lazy(async () => ({
    default: (await import('@/features/scopes/components/scopes-page.tsx')).ScopesPage,
  })),
};
