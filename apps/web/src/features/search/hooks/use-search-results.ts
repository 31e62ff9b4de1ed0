import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import { emptyResult, searchQueryOptions, type SearchResult } from '../api/search-stream.ts';

/**
 * Where a search stands. `complete` only when the trailer said so; everything else that stopped
 * is `incomplete` (error, no trailer) or `cancelled`, and the rows so far stay on screen.
 */
export type SearchStatus =
  'idle' | 'streaming' | 'complete' | 'capped' | 'incomplete' | 'cancelled';

export interface SearchResults {
  status: SearchStatus;
  result: SearchResult;
  rows: readonly SearchRow[];
  error: Error | null;
  cancel: () => void;
  rerun: () => void;
}

const IDLE = emptyResult();

export function useSearchResults(query: SearchQuery | undefined): SearchResults {
  const queryClient = useQueryClient();
  const options = query ? searchQueryOptions(query) : undefined;
  const key = options ? JSON.stringify(options.queryKey) : '';
  const [cancelledKey, setCancelledKey] = useState<string | null>(null);
  const search = useQuery({
    ...(options ?? searchQueryOptions({ scopes: [], groups: [] })),
    enabled: options !== undefined,
  });
  const result = options ? (search.data ?? IDLE) : IDLE;
  const rows = useMemo(() => result.batches.flat(), [result.batches]);

  const cancel = useCallback(() => {
    if (!options) return;
    setCancelledKey(key);
    // Keeps the rows received so far (the state of the last batch), and aborts the fetch.
    void queryClient.cancelQueries({ queryKey: options.queryKey });
  }, [options, key, queryClient]);

  const { refetch } = search;
  const rerun = useCallback(() => {
    setCancelledKey(null);
    void refetch();
  }, [refetch]);

  const status: SearchStatus = !options
    ? 'idle'
    : search.fetchStatus === 'fetching'
      ? 'streaming'
      : result.end
        ? result.end.capped
          ? 'capped'
          : 'complete'
        : search.isError
          ? 'incomplete'
          : cancelledKey === key
            ? 'cancelled'
            : search.isPending
              ? 'streaming'
              : 'incomplete';
  return { status, result, rows, error: search.error, cancel, rerun };
}
