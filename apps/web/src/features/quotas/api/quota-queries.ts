import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import type { ApiResponse } from '@bdms/contract';
import { usageRows } from '@bdms/contract/quotas/usage-table.ts';
import { quotaApi } from '@/lib/api-contract-quotas.ts';

/**
 * Quota query keys, spelled here rather than in the shell's query-keys (they load with this
 * feature's chunk only). One prefix: a limit change refreshes every quota view.
 */
export const quotaKeys = {
  all: ['quotas'] as const,
  usage: () => [...quotaKeys.all, 'usage'] as const,
  rseTotals: () => [...quotaKeys.all, 'rse-totals'] as const,
  mine: () => [...quotaKeys.all, 'mine'] as const,
  limits: () => [...quotaKeys.all, 'limits'] as const,
  audit: (filter: Record<string, string>) => [...quotaKeys.all, 'audit', filter] as const,
};

/** The table travels by column; the pages read rows (status and share derived here, once). */
const withRows = (overview: ApiResponse<'quotaUsage'>) => ({
  ...overview,
  rows: usageRows(overview),
});

/** Usage is counted by Rucio's abacus every few seconds; a minute old is fresh enough. */
const STALE_MS = 60_000;

export const usageQueryOptions = () =>
  queryOptions({
    queryKey: quotaKeys.usage(),
    queryFn: ({ signal }) => apiGet(quotaApi.quotaUsage, { signal }),
    select: withRows,
    staleTime: STALE_MS,
  });

export const rseTotalsQueryOptions = () =>
  queryOptions({
    queryKey: quotaKeys.rseTotals(),
    queryFn: ({ signal }) => apiGet(quotaApi.quotaRseTotals, { signal }),
    staleTime: STALE_MS,
  });

export const myQuotaQueryOptions = () =>
  queryOptions({
    queryKey: quotaKeys.mine(),
    queryFn: ({ signal }) => apiGet(quotaApi.myQuota, { signal }),
    staleTime: STALE_MS,
  });

export const limitsQueryOptions = () =>
  queryOptions({
    queryKey: quotaKeys.limits(),
    queryFn: ({ signal }) => apiGet(quotaApi.quotaLimits, { signal }),
  });

export const auditQueryOptions = (filter: Record<string, string>) =>
  queryOptions({
    queryKey: quotaKeys.audit(filter),
    queryFn: ({ signal }) => apiGet(quotaApi.quotaAudit, { search: filter, signal }),
    placeholderData: keepPreviousData,
  });

export const useUsage = () => useQuery(usageQueryOptions());
export const useRseTotals = () => useQuery(rseTotalsQueryOptions());
export const useMyQuota = () => useQuery(myQuotaQueryOptions());
export const useLimits = () => useQuery(limitsQueryOptions());
export const useAudit = (filter: Record<string, string>) => useQuery(auditQueryOptions(filter));
