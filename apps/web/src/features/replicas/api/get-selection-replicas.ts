import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { replicaApi } from '@/lib/api-contract-replicas.ts';
import type { DidRef } from '@/lib/parse-dids.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/**
 * Where a selection of DIDs lives, per RSE (a read the BFF takes as a POST: the list is too long
 * for a URL). Not asked while `dids` is empty.
 */
export const useSelectionReplicas = (dids: readonly DidRef[]) =>
  useQuery({
    // Below the DIDs' keys, by its DIDs in order; spelled here, off the shell's query-keys.
    queryKey: [...queryKeys.dids.all, 'selection', ...dids.map((d) => `${d.scope}:${d.name}`)],
    // Scope and name only: the BFF refuses any other key in a DID it is sent.
    queryFn: ({ signal }) =>
      apiSend(replicaApi.selectionReplicas, {
        body: { dids: dids.map(({ scope, name }) => ({ scope, name })) },
        signal,
      }),
    enabled: dids.length > 0,
    placeholderData: keepPreviousData,
  });
