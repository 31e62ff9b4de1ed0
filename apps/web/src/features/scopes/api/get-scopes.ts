import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-contract.ts';
import { apiGet } from '@/lib/api-client.ts';
import { queryKeys } from '@/lib/query-keys.ts';

export const getScopes = async (signal?: AbortSignal): Promise<string[]> =>
  (await apiGet(api.scopes, { signal })).scopes;

export const scopesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.scopes.list(),
    queryFn: ({ signal }) => getScopes(signal),
  });

export const useScopes = () => useQuery(scopesQueryOptions());
