import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.ts';
import { queryKeys } from './query-keys.ts';

const MAX_RETRIES = 2;

/**
 * 4xx answers are final (retrying a 401 or 404 cannot help); network failures and 5xx (Rucio
 * restarting, a gateway blip) get a couple of quick retries.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return false;
  return error.isNetwork || error.status >= 500;
}

export const retryDelay = (attempt: number): number => Math.min(500 * 2 ** attempt, 4000);

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A 401 anywhere means the session ended (expired, signed out in another tab): re-read
        // who we are so the shell falls back to the landing page instead of showing errors.
        const isSessionQuery = query.queryKey[0] === queryKeys.session.all[0];
        if (isApiError(error) && error.isUnauthenticated && !isSessionQuery) {
          void client.invalidateQueries({ queryKey: queryKeys.session.all });
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}
