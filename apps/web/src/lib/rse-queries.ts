import { queryOptions, useQuery } from '@tanstack/react-query';
import { rseApi } from '@/lib/api-contract-rses.ts';
import { apiGet } from '@/lib/api-client.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** Every RSE with its place: it changes rarely, so it is kept for minutes. */
export const rsesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.rses.list(),
    queryFn: ({ signal }) => apiGet(rseApi.rses, { signal }),
    staleTime: 5 * 60_000,
  });

export const useRses = () => useQuery(rsesQueryOptions());

export const rseQueryOptions = (rse: string) =>
  queryOptions({
    queryKey: queryKeys.rses.one(rse),
    queryFn: ({ signal }) => apiGet(rseApi.rse, { params: { rse }, signal }),
  });

export const useRse = (rse: string) => useQuery(rseQueryOptions(rse));
