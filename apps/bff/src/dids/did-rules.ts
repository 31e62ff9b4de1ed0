import type { DidRule } from '@bdms/contract';
import type { RuleDto } from '@bdms/rucio-client';
import { liveType } from './did-details.ts';
import { isoInstant } from './metadata.ts';

interface DidKey {
  scope: string;
  name: string;
}

/** A Rucio rule as the DID page shows it, marked with the DID it names and whether that is `did`. */
export const toDidRule = (r: RuleDto, did: DidKey): DidRule => ({
  id: r.id,
  on: { scope: r.scope, name: r.name, type: r.did_type ? liveType(r.did_type) : null },
  direct: r.scope === did.scope && r.name === did.name,
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

/**
 * The rules on the DID (Rucio's `/rules`, which also lists rules without locks yet), then the
 * rules that hold it through a parent (`/associated_rules`, found through the file's replica
 * locks; it lists the direct rules again, so each rule appears once, by id). Within each group
 * Rucio's order is kept.
 */
export function mergeRules(
  did: DidKey,
  direct: readonly RuleDto[],
  associated: readonly RuleDto[],
): DidRule[] {
  const seen = new Set<string>();
  const out: DidRule[] = [];
  for (const r of [...direct, ...associated]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(toDidRule(r, did));
  }
  const rank = (r: DidRule): number => (r.direct ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b));
}
