import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { ruleRequestApi } from '@/lib/api-contract-rule-requests.ts';
import { stagingApi } from '@/lib/api-contract-staging.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/* The dialog's calls, in the dialog's chunk: the DID page's first load carries only the status. */

/** What a staging rule would cost: the rule quote on the staging RSE (one copy). */
export const useStagingQuote = (did: DidRef, stagingRse: string | null) =>
  useQuery({
    queryKey: [...queryKeys.dids.staging(did), 'quote', stagingRse],
    queryFn: ({ signal }) =>
      apiSend(ruleRequestApi.quoteRule, {
        body: { dids: [did], rseExpression: stagingRse, copies: 1 },
        signal,
      }),
    enabled: stagingRse !== null,
    retry: false,
  });

/** Asks for the staging rule; everything shown about the DID and the rules lists refresh. */
export const useRequestStaging = (did: DidRef) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { lifetimeSeconds: number; comment: string | null; askApproval: boolean }) =>
      apiSend(stagingApi.requestStaging, { params: { ...did }, body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dids.one(did) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.rules.all }),
      ]),
  });
};
