import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** Where a selection of DIDs lives (`?did=scope:name` for each). */
export const selectionReplicasRoute: PageRoute = {
  path: 'replicas',
  Component: lazy(async () => ({
    default: (await import('@/features/replicas/components/selection-replicas-page.tsx'))
      .SelectionReplicasPage,
  })),
};
