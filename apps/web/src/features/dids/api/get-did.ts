import { queryOptions, useQuery } from '@tanstack/react-query';
import { didApi } from '@/lib/api-contract-dids.ts';
import { apiGet } from '@/lib/api-client.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** One DID: its record, status and every metadata key (GET /api/dids/:scope/:name). */
export const didQueryOptions = (did: DidRef) =>
  queryOptions({
    queryKey: queryKeys.dids.info(did),
    queryFn: ({ signal }) => apiGet(didApi.didInfo, { params: { ...did }, signal }),
  });

export const useDid = (did: DidRef) => useQuery(didQueryOptions(did));
