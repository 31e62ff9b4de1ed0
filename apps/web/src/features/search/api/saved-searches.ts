import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { searchApi } from '@/lib/api-contract-search.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** The user's saved searches, newest first, each with the problems its query has today. */
export const savedSearchesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.search.saved(),
    queryFn: ({ signal }) => apiGet(searchApi.listSavedSearches, { signal }),
  });

export const useSavedSearches = (enabled = true) =>
  useQuery({ ...savedSearchesQueryOptions(), enabled });

function useInvalidateSaved() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.search.saved() });
}

export function useSaveSearch() {
  const invalidate = useInvalidateSaved();
  return useMutation({
    mutationFn: ({ name, query }: { name: string; query: SearchQuery }) =>
      apiSend(searchApi.createSavedSearch, { body: { name, query } }),
    onSuccess: invalidate,
  });
}

export function useRenameSavedSearch() {
  const invalidate = useInvalidateSaved();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      apiSend(searchApi.renameSavedSearch, { params: { id }, body: { name } }),
    onSuccess: invalidate,
  });
}

export function useDeleteSavedSearch() {
  const invalidate = useInvalidateSaved();
  return useMutation({
    mutationFn: (id: string) => apiSend(searchApi.deleteSavedSearch, { params: { id } }),
    onSuccess: invalidate,
  });
}

/** Records a finished re-run (count, and whether the result was complete) as the last run. */
export function useRecordRun() {
  const invalidate = useInvalidateSaved();
  return useMutation({
    mutationFn: ({ id, count, complete }: { id: string; count: number; complete: boolean }) =>
      apiSend(searchApi.recordSavedSearchRun, { params: { id }, body: { count, complete } }),
    onSuccess: invalidate,
  });
}
