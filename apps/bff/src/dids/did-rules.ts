import type { DidRule } from '@bdms/contract';
import type { RuleDto } from '@bdms/rucio-client';
import { toRule } from '../lib/rule-view.ts';

interface DidKey {
  scope: string;
  name: string;
}

/** A Rucio rule as the DID page shows it, marked with whether it names `did` itself. */
export const toDidRule = (r: RuleDto, did: DidKey): DidRule => ({
  ...toRule(r),
  direct: r.scope === did.scope && r.name === did.name,
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
