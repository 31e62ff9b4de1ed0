import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-contract.ts';
import { apiGet } from '@/lib/api-client.ts';
import { queryKeys } from '@/lib/query-keys.ts';

export const HEALTH_POLL_MS = 10_000;

/** A 503 still carries a Health body (the contract says so): it is how the BFF says what is down. */
export const getHealth = (signal?: AbortSignal) => apiGet(api.health, { signal });

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.health.all,
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: HEALTH_POLL_MS,
    // The banner must reflect the latest poll, so no retries hiding an outage and no cached value.
    retry: false,
    staleTime: 0,
  });

export const useHealth = () => useQuery(healthQueryOptions());
