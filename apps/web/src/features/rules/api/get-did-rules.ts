import { queryOptions, useQuery } from '@tanstack/react-query';
import { didApi } from '@/lib/api-contract-dids.ts';
import { apiGet } from '@/lib/api-client.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { queryKeys } from '@/lib/query-keys.ts';

export const didRulesQueryOptions = (did: DidRef) =>
  queryOptions({
    queryKey: queryKeys.dids.rules(did),
    queryFn: async ({ signal }) =>
      (await apiGet(didApi.didRules, { params: { ...did }, signal })).rules,
  });

export const useDidRules = (did: DidRef) => useQuery(didRulesQueryOptions(did));
