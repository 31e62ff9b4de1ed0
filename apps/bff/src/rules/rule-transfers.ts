import { RULE_TRANSFERS_LIMIT, type RuleTransfers } from '@bdms/contract';
import type { RuleLockDto, TransferRequestDto } from '@bdms/rucio-client';
import { isoInstant } from '../lib/rucio-values.ts';
import { drainQueue } from '../lib/work-queue.ts';
import type { RucioPort } from '../rucio-port.ts';

type Transfer = RuleTransfers['transfers'][number];
type PendingLock = RuleLockDto & { state: Transfer['lockState'] };

/** Requests asked of Rucio at once for one rule (it serves 8 at a time on the devstack). */
const PARALLEL = 4;

/**
 * The first `limit` locks that are not OK, and how many there are in all, read as the listing
 * streams: a 100 000-file rule costs one pass and `limit` locks of memory.
 */
export async function pendingLocks(
  locks: AsyncIterable<RuleLockDto>,
  limit = RULE_TRANSFERS_LIMIT,
): Promise<{ pending: PendingLock[]; total: number }> {
  const pending: PendingLock[] = [];
  let total = 0;
  for await (const lock of locks) {
    if (lock.state === 'OK') continue;
    total += 1;
    if (pending.length < limit) pending.push({ ...lock, state: lock.state });
  }
  return { pending, total };
}

/** Rucio's request as the rule page shows it; the lock's RSE when Rucio names no destination. */
export const toRuleTransferRequest = (
  r: TransferRequestDto,
  destination: string,
): NonNullable<Transfer['request']> => ({
  id: r.id,
  state: r.state,
  source: r.source_rse ?? null,
  destination: r.dest_rse ?? destination,
  bytes: r.bytes ?? null,
  retries: r.retry_count ?? 0,
  activity: r.activity ?? null,
  createdAt: isoInstant(r.created_at),
  updatedAt: isoInstant(r.updated_at),
  error: r.state === 'FAILED' ? (r.err_msg ?? null) : null,
  externalId: r.external_id ?? null,
});

interface Call {
  token: string;
  signal: AbortSignal;
}

/**
 * Each pending lock with Rucio's request of its file to its RSE, PARALLEL at a time. Rucio lists
 * requests only to admins, but lets any account read one file's request to one RSE. The first
 * refusal stops the others and is thrown.
 */
export async function ruleTransfers(
  rucio: Pick<RucioPort, 'getTransferRequest'>,
  call: Call,
  ruleId: string,
  { pending, total }: { pending: readonly PendingLock[]; total: number },
): Promise<RuleTransfers> {
  const fetchedAt = new Date();
  const transfers: Transfer[] = pending.map((l) => ({
    scope: l.scope,
    name: l.name,
    rse: l.rse,
    lockState: l.state,
    request: null,
  }));
  await drainQueue(
    transfers.slice(),
    { inFlight: PARALLEL, signal: call.signal, more: () => true },
    async (t, signal) => {
      const found = await rucio.getTransferRequest({
        token: call.token,
        signal,
        scope: t.scope,
        name: t.name,
        destinationRse: t.rse,
      });
      t.request = found && toRuleTransferRequest(found, t.rse);
    },
  );
  return { ruleId, transfers, total, shown: transfers.length, fetchedAt: fetchedAt.toISOString() };
}
