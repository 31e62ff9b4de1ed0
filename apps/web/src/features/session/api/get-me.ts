import type { Me } from '@bdms/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-contract.ts';
import { apiGet, isApiError, type ApiError } from '@/lib/api-client.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/**
 * The user is signed in at the IdP, but Rucio has no account for the identity. Signing in again
 * cannot help (it would loop back to the landing page), so this 401 is an error, not "signed out".
 */
export const isUnknownIdentity = (error: unknown): error is ApiError =>
  isApiError(error) && error.status === 401 && error.code === 'rucio_rejected_token';

/** The signed-in user, or null when the BFF says there is no session (401). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiGet(api.me, { signal });
  } catch (error) {
    if (isApiError(error) && error.isUnauthenticated && !isUnknownIdentity(error)) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.session.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    // Show the landing page at once when the BFF is down; the health banner's recovery
    // refetch asks again as soon as it is back.
    retry: false,
  });

export const useMe = () => useQuery(meQueryOptions());
