import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { ruleApi } from '@/lib/api-contract-rules.ts';
import { queryKeys } from '@/lib/query-keys.ts';
import { LIVE_REFRESH_MS, isMoving } from '../utils/rule-state.ts';

/** One rule and its locks per RSE, asked again every LIVE_REFRESH_MS while it replicates. */
export const ruleQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.rules.one(id),
    queryFn: ({ signal }) => apiGet(ruleApi.rule, { params: { id }, signal }),
    refetchInterval: (query) =>
      query.state.data && isMoving(query.state.data.rule) ? LIVE_REFRESH_MS : false,
  });

export const useRule = (id: string) => useQuery(ruleQueryOptions(id));
