import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { quotaApi } from '@/lib/api-contract-quotas.ts';
import { quotaKeys } from './quota-queries.ts';

export type LimitValue = number | 'unlimited';

/** Where a limit applies: one RSE (local) or an RSE expression (global). */
export type LimitTarget =
  | { kind: 'local'; account: string; rse: string }
  | { kind: 'global'; account: string; expression: string };

export interface LimitEdit {
  target: LimitTarget;
  /** null removes the limit. */
  limit: LimitValue | null;
  confirmBelowUsage: boolean;
}

const params = (t: LimitTarget): Record<string, string> =>
  t.kind === 'local'
    ? { account: t.account, rse: t.rse }
    : { account: t.account, expression: t.expression };

/** Sends one change; every quota view refreshes afterwards (usage, limits, audit). */
export function useSaveLimit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, limit, confirmBelowUsage }: LimitEdit) => {
      const local = target.kind === 'local';
      if (limit === null)
        return apiSend(local ? quotaApi.deleteLocalLimit : quotaApi.deleteGlobalLimit, {
          params: params(target),
          ...(confirmBelowUsage ? { search: { confirmBelowUsage: 'true' } } : {}),
        });
      return apiSend(local ? quotaApi.setLocalLimit : quotaApi.setGlobalLimit, {
        params: params(target),
        body: { limit, ...(confirmBelowUsage ? { confirmBelowUsage: true } : {}) },
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: quotaKeys.all }),
  });
}

export type BulkSource =
  | {
      kind: 'same';
      accounts: string[];
      rses?: string[];
      expressions?: string[];
      limit: LimitValue | null;
    }
  | { kind: 'csv'; csv: string }
  | {
      kind: 'rows';
      rows: { account: string; rse?: string; expression?: string; limit: LimitValue | null }[];
    };

export interface BulkRequest {
  requestId: string;
  source: BulkSource;
  confirmBelowUsage?: boolean;
}

/** A dry run: nothing is written, nothing audited. Also the single editor's preview. */
export const usePreviewBulk = () =>
  useMutation({
    mutationFn: (body: BulkRequest) => apiSend(quotaApi.previewBulkLimits, { body }),
  });

export function useApplyBulk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkRequest) => apiSend(quotaApi.applyBulkLimits, { body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: quotaKeys.all }),
  });
}
