import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { didApi } from '@/lib/api-contract-dids.ts';
import { apiGet } from '@/lib/api-client.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { queryKeys } from '@/lib/query-keys.ts';

export const replicaSummaryQueryOptions = (did: DidRef) =>
  queryOptions({
    queryKey: queryKeys.dids.replicas(did),
    queryFn: ({ signal }) => apiGet(didApi.didReplicaSummary, { params: { ...did }, signal }),
  });

/** Refreshed every `refreshMs` while copies are still being made (false: not refreshed). */
export const useReplicaSummary = (did: DidRef, refreshMs: number | false = false) =>
  useQuery({
    ...replicaSummaryQueryOptions(did),
    refetchInterval: refreshMs,
    placeholderData: keepPreviousData,
  });
