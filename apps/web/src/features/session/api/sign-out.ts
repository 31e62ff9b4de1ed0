import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-contract.ts';
import { apiSend } from '@/lib/api-client.ts';
import { browser } from '@/lib/browser.ts';

export const signOut = () => apiSend(api.logout);

/** Posts the logout, then leaves the SPA: the BFF may send us on to the IdP's end-session page. */
export const useSignOut = () =>
  useMutation({
    mutationFn: signOut,
    onSuccess: ({ redirectTo }) => {
      browser.assign(redirectTo);
    },
  });
