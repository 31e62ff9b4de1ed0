import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { useParams, type Params } from 'react-router';
import { FullPageLoader } from '@/components/full-page-loader.tsx';
import type { PageRoute } from './page-route.ts';

/**
 * Runs the page's loader and shows the page once its code is there. The Suspense boundary is
 * inside, so this component commits (and its effect starts the loader) while the code downloads.
 */
export function PageElement({ route }: { route: PageRoute }) {
  const queryClient = useQueryClient();
  // By value: a change of search params only (the scopes filter) does not load the page again.
  const paramsKey = JSON.stringify(useParams());
  const { loader, Component } = route;
  useEffect(() => {
    const params = JSON.parse(paramsKey) as Params;
    // A failure is kept in the query cache and shown by the page; here it would only be unhandled.
    loader?.({ queryClient, params }).catch(() => undefined);
  }, [loader, queryClient, paramsKey]);
  return (
    <Suspense fallback={<FullPageLoader label="Loading the page" />}>
      <Component />
    </Suspense>
  );
}
