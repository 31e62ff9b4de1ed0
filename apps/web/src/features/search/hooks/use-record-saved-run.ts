import { useEffect, useRef } from 'react';
import { useRecordRun } from '../api/saved-searches.ts';
import type { SearchStatus } from './use-search-results.ts';

/**
 * When a saved search's re-run stops streaming, reports its count and whether it was complete
 * (capped, cancelled and broken results are not). Once per run.
 */
export function useRecordSavedRun(savedId: string | null, status: SearchStatus, count: number) {
  const { mutate } = useRecordRun();
  const streaming = useRef(false);
  useEffect(() => {
    if (!savedId) return;
    if (status === 'streaming') {
      streaming.current = true;
      return;
    }
    if (!streaming.current || status === 'idle') return;
    streaming.current = false;
    mutate({ id: savedId, count, complete: status === 'complete' });
  }, [savedId, status, count, mutate]);
}
