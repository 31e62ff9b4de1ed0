import { queryOptions, useQuery } from '@tanstack/react-query';
import { didApi } from '@/lib/api-contract-dids.ts';
import { apiGet } from '@/lib/api-client.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** Where browsing a scope starts (its top collections); also anchors the breadcrumbs. */
export const scopeRootsQueryOptions = (scope: string) =>
  queryOptions({
    queryKey: queryKeys.scopes.roots(scope),
    queryFn: ({ signal }) => apiGet(didApi.scopeRoots, { params: { scope }, signal }),
    staleTime: 5 * 60_000,
  });

export const useScopeRoots = (scope: string) => useQuery(scopeRootsQueryOptions(scope));
