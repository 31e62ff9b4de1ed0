import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { api } from '@/lib/api-contract.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** The scopes to search in; the same key as the scopes page, so they share one cache entry. */
export const searchScopesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.scopes.list(),
    queryFn: async ({ signal }) => (await apiGet(api.scopes, { signal })).scopes,
  });

export const useSearchScopes = () => useQuery(searchScopesQueryOptions());
