import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { linkApi } from '@/lib/api-contract-links.ts';
import type { DidRef } from '@/lib/did-url.ts';

/** The user's links; refreshed after each change (kept out of query-keys: only this feature reads it). */
const LINKS_KEY = ['links'] as const;

export const useLinks = () =>
  useQuery({
    queryKey: LINKS_KEY,
    queryFn: ({ signal }) => apiGet(linkApi.listLinks, { signal }),
  });

export const useCreateLink = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DidRef & { hours: number }) => apiSend(linkApi.createLink, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LINKS_KEY }),
  });
};

export const useRevokeLink = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend(linkApi.revokeLink, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LINKS_KEY }),
  });
};
