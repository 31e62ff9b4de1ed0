import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { rseApi } from '@/lib/api-contract-rses.ts';
import { apiGet } from '@/lib/api-client.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { queryKeys } from '@/lib/query-keys.ts';

export const replicaLocksQueryOptions = (did: DidRef) =>
  queryOptions({
    queryKey: queryKeys.dids.locks(did),
    queryFn: ({ signal }) => apiGet(rseApi.didLocks, { params: { ...did }, signal }),
  });

export const useReplicaLocks = (did: DidRef, refreshMs: number | false = false) =>
  useQuery({
    ...replicaLocksQueryOptions(did),
    refetchInterval: refreshMs,
    placeholderData: keepPreviousData,
  });
