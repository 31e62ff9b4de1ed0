import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { settingsApi } from '@/lib/api-contract-settings.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** The deployment's settings change only with a BFF restart: read once per page load. */
export const settingsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.settings.all,
    queryFn: ({ signal }) => apiGet(settingsApi.settings, { signal }),
    staleTime: Infinity,
  });

/**
 * The tile server the maps draw under their markers: undefined while unknown, null for none,
 * also when the settings cannot be read (the bundled outline needs nothing).
 */
export function useMapTiles() {
  const settings = useQuery(settingsQueryOptions());
  if (settings.isPending) return undefined;
  return settings.data?.mapTiles ?? null;
}
