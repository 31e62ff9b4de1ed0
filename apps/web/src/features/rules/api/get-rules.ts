import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { ruleApi } from '@/lib/api-contract-rules.ts';
import { queryKeys } from '@/lib/query-keys.ts';
import { LIVE_REFRESH_MS, isMoving, type RuleStateFilter } from '../utils/rule-state.ts';

export interface RulesFilter {
  /** Another account's rules (admins only); absent: the signed-in account's. */
  account?: string;
  state?: RuleStateFilter;
}

/**
 * An account's rules. While one of them replicates, asked again every LIVE_REFRESH_MS (TanStack
 * Query keeps one request in flight per query and pauses while the tab is hidden); the list on
 * screen stays until the new one has come, also when the filter changes.
 */
export const rulesQueryOptions = (filter: RulesFilter) =>
  queryOptions({
    queryKey: queryKeys.rules.list(filter),
    queryFn: ({ signal }) => {
      const search: Record<string, string> = {};
      if (filter.account) search.account = filter.account;
      if (filter.state) search.state = filter.state;
      return apiGet(ruleApi.rules, { search, signal });
    },
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.rules.some(isMoving) ? LIVE_REFRESH_MS : false),
  });

export const useRules = (filter: RulesFilter) => useQuery(rulesQueryOptions(filter));
