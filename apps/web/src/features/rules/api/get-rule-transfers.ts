import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { ruleApi } from '@/lib/api-contract-rules.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** Transfers move in seconds: while the rule replicates, its transfers are asked every 5 s. */
export const TRANSFERS_REFRESH_MS = 5_000;

/**
 * The transfers of a rule's files that are not OK yet. `live` (the rule replicates) keeps them
 * refreshing; TanStack Query starts no refresh while one is pending, and none while the tab is
 * hidden.
 */
export const ruleTransfersQueryOptions = (id: string, live: boolean) =>
  queryOptions({
    queryKey: queryKeys.rules.transfers(id),
    queryFn: ({ signal }) => apiGet(ruleApi.ruleTransfers, { params: { id }, signal }),
    refetchInterval: live ? TRANSFERS_REFRESH_MS : false,
  });

export const useRuleTransfers = (id: string, live: boolean) =>
  useQuery(ruleTransfersQueryOptions(id, live));
