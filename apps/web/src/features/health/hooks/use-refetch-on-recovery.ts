import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { queryKeys } from '@/lib/query-keys.ts';

/**
 * When an outage ends, whatever failed during it (scopes, the session check) is refetched at
 * once instead of waiting for the user to press Retry.
 */
export function useRefetchOnRecovery(isDown: boolean): void {
  const client = useQueryClient();
  const wasDown = useRef(false);
  useEffect(() => {
    if (wasDown.current && !isDown) {
      void client.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== queryKeys.health.all[0],
        refetchType: 'active',
      });
    }
    wasDown.current = isDown;
  }, [client, isDown]);
}
