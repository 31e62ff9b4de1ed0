import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { transferApi } from '@/lib/api-contract-transfers.ts';
import { apiGet } from '@/lib/api-client.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** Transfers move in seconds: asked again every 5 s, the last answer kept on screen meanwhile. */
export const TRANSFERS_REFRESH_MS = 5_000;

export const useTransfers = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.transfers.all,
    queryFn: ({ signal }) => apiGet(transferApi.transfers, { signal }),
    enabled,
    refetchInterval: TRANSFERS_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
