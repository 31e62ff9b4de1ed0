import type {
  BulkApplyResult,
  BulkLimitRequest,
  BulkPreview,
  BulkRowPreview,
  BulkRowResult,
} from '@bdms/contract';
import { AppError } from '../errors.ts';
import { bulkRows, flagDuplicates } from './bulk-rows.ts';
import { actionOf, type PreparedRow } from './limit-snapshot.ts';
import { belowUsageError, type Caller, type QuotasService } from './quotas.service.ts';

const toPreview = (p: PreparedRow): BulkRowPreview => ({
  row: p.row,
  account: p.account,
  rse: p.rse,
  expression: p.expression,
  resolvedRses: p.resolvedRses,
  before: p.before,
  after: p.after,
  usedBytes: p.usedBytes,
  action: actionOf(p),
  belowUsage: p.belowUsage,
  problems: p.problems,
});

/**
 * Bulk edits (issue 9, item 4): a dry run that shows every row before → after, and an apply that
 * goes row by row, each audited, stopping at the first failure and saying which rows were applied
 * and which not. A retry with the same requestId re-reads Rucio: rows already at their target are
 * no-ops (audited as unchanged), so nothing is applied twice.
 */
export function createLimitsBulkService(quotas: QuotasService) {
  /** requestIds being applied right now (one BFF process): a double click is a 409, not a race. */
  const running = new Set<string>();

  async function prepare(caller: Caller, request: BulkLimitRequest) {
    const rows = bulkRows(request.source);
    flagDuplicates(rows);
    const actor = await quotas.reader.actor(caller.user.sub, caller.token);
    const prepared = await quotas.prepare(caller, actor, rows);
    return { actor, prepared };
  }

  return {
    async preview(caller: Caller, request: BulkLimitRequest): Promise<BulkPreview> {
      const { prepared } = await prepare(caller, request);
      const rows = prepared.map(toPreview);
      const count = (a: BulkRowPreview['action']) => rows.filter((r) => r.action === a).length;
      return {
        requestId: request.requestId,
        rows,
        summary: {
          rows: rows.length,
          changes: count('set') + count('delete'),
          unchanged: count('unchanged'),
          invalid: count('invalid'),
          belowUsage: rows.filter((r) => r.belowUsage).length,
        },
        canApply:
          caller.portalAdmin &&
          prepared.every(
            (p) => p.problems.length === 0 && (p.refusal === null || actionOf(p) === 'unchanged'),
          ),
        fetchedAt: new Date().toISOString(),
      };
    },

    async apply(caller: Caller, request: BulkLimitRequest): Promise<BulkApplyResult> {
      if (running.has(request.requestId))
        throw new AppError(
          409,
          'conflict',
          `The bulk edit ${request.requestId} is being applied already.`,
        );
      running.add(request.requestId);
      try {
        const { actor, prepared } = await prepare(caller, request);
        const invalid = prepared.filter((p) => p.problems.length > 0);
        if (invalid.length > 0)
          throw new AppError(
            400,
            'bad_request',
            `Invalid rows, nothing written: ${invalid
              .slice(0, 5)
              .map(
                (p) =>
                  `row ${String(p.row)} ${p.problems[0]?.field ?? ''}: ${p.problems[0]?.message ?? ''}`,
              )
              .join(
                '; ',
              )}${invalid.length > 5 ? ` (and ${String(invalid.length - 5)} more)` : ''}.`,
            {
              details: {
                field: 'source',
                rows: invalid.map(({ row, problems }) => ({ row, problems })),
              },
            },
          );
        const refused = prepared.filter((p) => p.refusal !== null && actionOf(p) !== 'unchanged');
        if (refused.length > 0) {
          // Nothing is sent to Rucio; each refused row is audited as refused.
          for (const p of refused)
            await quotas.write(p, {
              user: caller.user,
              actor,
              token: caller.token,
              requestId: caller.requestId,
              batchId: request.requestId,
            });
          throw new AppError(
            403,
            'forbidden',
            `Nothing written: ${refused[0]?.refusal ?? ''} (${String(refused.length)} rows).`,
            {
              details: { rows: refused.map((p) => p.row) },
            },
          );
        }
        const below = prepared.filter((p) => p.belowUsage);
        if (below.length > 0 && request.confirmBelowUsage !== true) throw belowUsageError(below);
        const results: BulkRowResult[] = [];
        let stopped = false;
        for (const p of prepared) {
          const base = {
            row: p.row,
            account: p.account,
            rse: p.rse,
            expression: p.expression,
            before: p.before,
            after: p.after,
          };
          if (stopped) {
            results.push({
              ...base,
              status: 'not_applied',
              message: 'Not tried: an earlier row failed.',
              auditId: null,
            });
            continue;
          }
          const outcome = await quotas.write(p, {
            user: caller.user,
            actor,
            token: caller.token,
            requestId: caller.requestId,
            batchId: request.requestId,
          });
          if (outcome.status === 'accepted' || outcome.status === 'unchanged') {
            results.push({
              ...base,
              status: outcome.status === 'accepted' ? 'applied' : 'unchanged',
              message: null,
              auditId: outcome.auditId,
            });
          } else {
            stopped = true;
            results.push({
              ...base,
              status: 'failed',
              message: outcome.error.message,
              auditId: outcome.auditId,
            });
          }
        }
        const count = (s: BulkRowResult['status']) => results.filter((r) => r.status === s).length;
        return {
          requestId: request.requestId,
          complete: !stopped,
          rows: results,
          summary: {
            applied: count('applied'),
            unchanged: count('unchanged'),
            failed: count('failed'),
            notApplied: count('not_applied'),
          },
        };
      } finally {
        running.delete(request.requestId);
      }
    },
  };
}

export type LimitsBulkService = ReturnType<typeof createLimitsBulkService>;
