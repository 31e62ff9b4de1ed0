import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { linkApi, type DownloadLinkList } from '@/lib/api-contract-links.ts';
import type { DidRef } from '@/lib/did-url.ts';

/** The user's links; refreshed after each change (kept out of query-keys: only links read it). */
const LINKS_KEY = ['links'] as const;

/** For the hook and for My links' route loader (which starts it while the page's code loads). */
export const linksQueryOptions = () =>
  queryOptions({
    queryKey: LINKS_KEY,
    queryFn: ({ signal }) => apiGet(linkApi.listLinks, { signal }),
  });

/**
 * `fresh`: read again on mount even when the cache is recent (My links: uses change whenever
 * someone fetches a link, and the page exists to show them).
 */
export const useLinks = ({ fresh = false } = {}) =>
  useQuery({ ...linksQueryOptions(), refetchOnMount: fresh ? 'always' : true });

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
    onSuccess: (revoked) => {
      // The BFF answers with the revoked link: its row shows so at once, before the refetch.
      queryClient.setQueryData<DownloadLinkList>(
        LINKS_KEY,
        (list) =>
          list && { ...list, links: list.links.map((l) => (l.id === revoked.id ? revoked : l)) },
      );
      return queryClient.invalidateQueries({ queryKey: LINKS_KEY });
    },
  });
};
