import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiSend } from '@/lib/api-client.ts';
import { browser } from '@/lib/browser.ts';

/** Not in the contract's /api table: /auth/* is the BFF's login protocol, not its JSON API. */
export const LogoutResponse = z.object({ redirectTo: z.string().min(1) });

export const signOut = () => apiSend('POST', '/auth/logout', LogoutResponse);

/** Posts the logout, then leaves the SPA: the BFF may send us on to the IdP's end-session page. */
export const useSignOut = () =>
  useMutation({
    mutationFn: signOut,
    onSuccess: ({ redirectTo }) => {
      browser.assign(redirectTo);
    },
  });
