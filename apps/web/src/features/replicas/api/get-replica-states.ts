import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { didApi } from '@/lib/api-contract-dids.ts';
import { apiGet } from '@/lib/api-client.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/**
 * The DID's file replicas per RSE by state (AVAILABLE, COPYING, BAD…), asked only when `enabled`
 * (Rucio lists every file for it), refreshed every `refreshMs` while copies are being made.
 */
export const useReplicaStates = (did: DidRef, enabled: boolean, refreshMs: number | false) =>
  useQuery({
    // Below the DID's keys (invalidated with them); spelled here, off the shell's query-keys.
    queryKey: [...queryKeys.dids.one(did), 'states'],
    queryFn: ({ signal }) => apiGet(didApi.didReplicaStates, { params: { ...did }, signal }),
    enabled,
    refetchInterval: refreshMs,
    placeholderData: keepPreviousData,
  });
