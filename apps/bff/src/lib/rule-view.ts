import type { Rule } from '@bdms/contract';
import type { RuleDto } from '@bdms/rucio-client';
import { isoInstant, liveType } from './rucio-values.ts';

/** A Rucio rule as the portal shows it (the rules pages; the DID page adds `direct`). */
export const toRule = (r: RuleDto): Rule => ({
  id: r.id,
  on: { scope: r.scope, name: r.name, type: r.did_type ? liveType(r.did_type) : null },
  account: r.account,
  state: r.state,
  rseExpression: r.rse_expression,
  copies: r.copies,
  locks: { ok: r.locks_ok_cnt, replicating: r.locks_replicating_cnt, stuck: r.locks_stuck_cnt },
  grouping: r.grouping ?? null,
  activity: r.activity ?? null,
  locked: r.locked ?? false,
  createdAt: isoInstant(r.created_at),
  expiresAt: isoInstant(r.expires_at),
  error: r.error ?? null,
  comment: r.comments ?? null,
});
