import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { ruleRequestApi } from '@/lib/api-contract-rule-requests.ts';
import { queryKeys } from '@/lib/query-keys.ts';
import type { DidRef } from '@/lib/parse-dids.ts';

/** The RSEs an expression resolves to, asked as the user stops typing (`expression` debounced). */
export const useRseExpression = (expression: string) =>
  useQuery({
    queryKey: ['rule-request', 'rses', expression],
    queryFn: ({ signal }) => apiGet(ruleRequestApi.resolveRses, { search: { expression }, signal }),
    enabled: expression.trim().length > 0,
    retry: false,
    placeholderData: keepPreviousData,
  });

/** What the rule would cost against the account's limits (a POST: the DIDs travel in the body). */
export const useRuleQuote = (
  input: { dids: DidRef[]; rseExpression: string; copies: number } | null,
) =>
  useQuery({
    queryKey: ['rule-request', 'quote', input],
    queryFn: ({ signal }) => apiSend(ruleRequestApi.quoteRule, { body: input, signal }),
    enabled: input !== null,
    retry: false,
  });

/** Asks Rucio for the rules; the rules lists refresh afterwards. */
export const useRequestRule = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      dids: DidRef[];
      rseExpression: string;
      copies: number;
      lifetimeSeconds: number | null;
      comment: string | null;
      askApproval: boolean;
    }) => apiSend(ruleRequestApi.requestRule, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.rules.all }),
  });
};
