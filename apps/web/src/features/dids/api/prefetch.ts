import type { QueryClient } from '@tanstack/react-query';
import type { DidRef } from '@/lib/did-url.ts';
import { didQueryOptions } from './get-did.ts';
import { scopeRootsQueryOptions } from './get-scope-roots.ts';

/**
 * What the scope and DID pages' loaders start while the page code downloads. One module, loaded
 * lazily by the route modules, so the DID schemas stay out of every page's first load.
 */
export const prefetchScope = (queryClient: QueryClient, scope: string) =>
  queryClient.query({ ...scopeRootsQueryOptions(scope), staleTime: 'static' });

export const prefetchDid = (queryClient: QueryClient, did: DidRef) =>
  Promise.all([
    queryClient.query({ ...didQueryOptions(did), staleTime: 'static' }),
    prefetchScope(queryClient, did.scope),
  ]);
