import { RucioError } from '@bdms/rucio-client';
import { AppError } from '../errors.ts';
import { userFacingMessage } from '../middleware/rucio-errors.ts';
import { targetOf, type PreparedRow } from './limit-snapshot.ts';
import { sameLimit, toRucio } from './limit-values.ts';
import type { QuotaRucio } from './limits-reader.ts';
import type { Actor } from './quota-permissions.ts';
import type { QuotaAuditRepo } from './quota-audit.repo.ts';

export interface WriteContext {
  user: { sub: string; username: string | null };
  actor: Actor;
  token: string;
  requestId: string;
  batchId: string | null;
}

export type WriteOutcome =
  | { status: 'accepted'; auditId: string }
  | { status: 'unchanged'; auditId: string }
  /** Refused (audited as refused), or Rucio's answer never came (audited as pending). */
  | { status: 'refused'; auditId: string; error: AppError }
  | { status: 'unknown'; auditId: string; error: AppError };

/** Rucio's refusal as the portal's error: a permission is a 403, an unknown name a 400. */
function refusalError(error: RucioError, row: PreparedRow): AppError {
  const said =
    userFacingMessage(error) ??
    `Rucio answered ${String(error.status)} ${error.exceptionClass ?? ''}`.trim();
  const cause = { cause: error };
  if (error.exceptionClass === 'AccessDenied' || error.status === 401 || error.status === 403)
    return new AppError(403, 'forbidden', `Rucio refused the change: ${said}`, cause);
  if (error.exceptionClass === 'AccountNotFound')
    return new AppError(400, 'bad_request', said, { ...cause, details: { field: 'account' } });
  if (error.exceptionClass === 'RSENotFound')
    return new AppError(400, 'bad_request', said, {
      ...cause,
      details: { field: row.kind === 'local' ? 'rse' : 'expression' },
    });
  if (error.status >= 500) return new AppError(502, 'rucio_error', `Rucio failed: ${said}`, cause);
  return new AppError(409, 'rucio_refused', said, cause);
}

/**
 * Makes one prepared change in Rucio, audited in the same request: a refusal the portal makes
 * (Rucio's rule, mirrored) is recorded as refused without asking Rucio; an unchanged value is
 * recorded as unchanged without asking Rucio; otherwise a pending row is written first, Rucio is
 * asked, and the row is settled. When Rucio's answer does not come, its value is read back: the
 * change counts as made only if Rucio holds it.
 */
export function createLimitWriter(deps: {
  rucio: QuotaRucio;
  audit: QuotaAuditRepo;
  /** The limit Rucio holds now (to settle a change whose answer was lost). */
  readBack: (token: string, row: PreparedRow) => Promise<PreparedRow['before']>;
}) {
  const { rucio, audit } = deps;

  const send = (token: string, row: PreparedRow): Promise<void> => {
    const { account, after } = row;
    if (row.kind === 'local') {
      const rse = row.rse ?? '';
      return after === null
        ? rucio.deleteLocalLimit({ token, account, rse })
        : rucio.setLocalLimit({ token, account, rse, bytes: toRucio(after) });
    }
    const expression = row.expression ?? '';
    return after === null
      ? rucio.deleteGlobalLimit({ token, account, expression })
      : rucio.setGlobalLimit({ token, account, expression, bytes: toRucio(after) });
  };

  return async function write(row: PreparedRow, ctx: WriteContext): Promise<WriteOutcome> {
    const entry = (result: 'pending' | 'refused' | 'unchanged', message: string | null) =>
      audit.record({
        actor: { ...ctx.user, account: ctx.actor.account },
        action: row.after === null ? 'delete' : 'set',
        ...targetOf(row),
        result,
        message,
        requestId: ctx.requestId,
        batchId: ctx.batchId,
      });
    if (row.refusal !== null) {
      const auditId = await entry('refused', row.refusal);
      return { status: 'refused', auditId, error: new AppError(403, 'forbidden', row.refusal) };
    }
    if (sameLimit(row.before, row.after))
      return {
        status: 'unchanged',
        auditId: await entry('unchanged', 'Already at this value: nothing sent to Rucio.'),
      };
    const auditId = await entry('pending', null);
    try {
      await send(ctx.token, row);
    } catch (error) {
      if (error instanceof RucioError) {
        const refused = refusalError(error, row);
        await audit.settle(auditId, 'refused', refused.message);
        return { status: 'refused', auditId, error: refused };
      }
      const now = await deps.readBack(ctx.token, row).catch(() => undefined);
      if (now !== undefined && sameLimit(now, row.after)) {
        await audit.settle(
          auditId,
          'accepted',
          'Rucio did not answer; its value shows the change was made.',
        );
        return { status: 'accepted', auditId };
      }
      const lost = new AppError(
        503,
        'rucio_unavailable',
        `Rucio did not answer the change (${error instanceof Error ? error.message : String(error)}).`,
        { cause: error },
      );
      if (now !== undefined) {
        await audit.settle(auditId, 'refused', `${lost.message} Its value is unchanged.`);
        return { status: 'refused', auditId, error: lost };
      }
      return { status: 'unknown', auditId, error: lost };
    }
    await audit.settle(auditId, 'accepted', null);
    return { status: 'accepted', auditId };
  };
}

export type LimitWriter = ReturnType<typeof createLimitWriter>;
