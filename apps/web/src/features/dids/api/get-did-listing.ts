import { queryOptions, useQuery } from '@tanstack/react-query';
import { didApi } from '@/lib/api-contract-dids.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { streamedRowsQueryFn } from '@/lib/ndjson-stream.ts';
import { queryKeys } from '@/lib/query-keys.ts';

export type Listing = 'contents' | 'parents';

const ROUTES = { contents: didApi.didContents, parents: didApi.didParents } as const;

/**
 * A DID's contents or parents, streamed: rows appear as the BFF sends them and `count` grows
 * live; the query completes on the stream's trailer (and fails if it never comes).
 */
export const didListingQueryOptions = (did: DidRef, listing: Listing) =>
  queryOptions({
    queryKey: queryKeys.dids[listing](did),
    queryFn: streamedRowsQueryFn(ROUTES[listing], { params: { ...did } }),
  });

export const useDidListing = (did: DidRef, listing: Listing, enabled = true) =>
  useQuery({ ...didListingQueryOptions(did, listing), enabled });
