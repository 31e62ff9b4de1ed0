import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-contract.ts';
import { apiSend } from '@/lib/api-client.ts';
import { dependsOnAccount, queryKeys } from '@/lib/query-keys.ts';

/** PUT /api/me/account: 403 when the identity does not map to it, 409 when Rucio does not switch. */
export const chooseAccount = (account: string) => apiSend(api.chooseAccount, { body: { account } });

/**
 * Acts as another of the identity's accounts. Once the BFF accepted it, everything Rucio answered
 * as the previous account is refetched; the mutation stays pending until that is done, so the
 * header and the page change together.
 */
export function useChooseAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: chooseAccount,
    onSuccess: async (mine) => {
      queryClient.setQueryData(queryKeys.session.accounts(), mine);
      await queryClient.invalidateQueries({
        predicate: ({ queryKey }) => dependsOnAccount(queryKey),
      });
    },
  });
}
