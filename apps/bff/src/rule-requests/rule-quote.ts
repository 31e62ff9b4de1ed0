import type { RuleQuote } from '@bdms/contract';
import type { DidInfoDto, GlobalUsageDto, LocalUsageDto } from '@bdms/rucio-client';
import { liveType } from '../lib/rucio-values.ts';

type QuoteDid = RuleQuote['dids'][number];

export const toQuoteDid = (d: DidInfoDto): QuoteDid => ({
  scope: d.scope,
  name: d.name,
  type: liveType(d.type),
  bytes: d.bytes ?? null,
  files: d.type === 'FILE' ? 1 : (d.length ?? null),
});

export interface QuoteInput {
  account: string;
  /** The account has Rucio's `admin` attribute: Rucio checks no quota for it. */
  admin: boolean;
  dids: readonly QuoteDid[];
  /** The RSEs the rule's expression resolves to. */
  rses: readonly string[];
  local: readonly LocalUsageDto[];
  /** Each global limit with the RSEs its expression resolves to. */
  global: readonly (GlobalUsageDto & { rses: readonly string[] })[];
  copies: number;
}

/**
 * What a rule for these DIDs would cost the account on each RSE its expression resolves to, and
 * whether Rucio would take it, by Rucio 41's own test (core/rse_selector.py): an RSE qualifies
 * when some local quota is left there (no local limit = none left) and every global limit whose
 * expression covers it has some left; the rule is refused when fewer qualify than copies asked.
 * Rucio does not check that the rule itself fits: `exceeds` says when a copy would overrun.
 */
export function ruleQuote(q: QuoteInput): RuleQuote {
  const bytes = q.dids.reduce((n, d) => n + (d.bytes ?? 0), 0);
  const files = q.dids.reduce((n, d) => n + (d.files ?? 0), 0);
  const localOf = new Map(q.local.map((u) => [u.rse, u]));
  const rses = q.rses.map((rse) => {
    const u = localOf.get(rse);
    const used = u?.bytes ?? 0;
    const unlimited = u?.bytes_limit === Number.POSITIVE_INFINITY;
    const limit = typeof u?.bytes_limit === 'number' && !unlimited ? u.bytes_limit : null;
    const localLeft = unlimited ? Infinity : (limit ?? 0) - used;
    const fullGlobalLimits = q.global
      .filter((g) => g.rses.includes(rse) && (g.bytes_remaining ?? 0) <= 0)
      .map((g) => g.rse_expression);
    const after = used + bytes;
    return {
      rse,
      usedBytes: used,
      limitBytes: limit,
      unlimited,
      afterBytes: after,
      fits: q.admin || (localLeft > 0 && fullGlobalLimits.length === 0),
      exceeds: !q.admin && !unlimited && after > (limit ?? 0),
      fullGlobalLimits,
    };
  });
  const fitting = rses.filter((r) => r.fits).length;
  return {
    account: q.account,
    files,
    bytes,
    dids: [...q.dids],
    rses,
    quotaChecked: !q.admin,
    fitting,
    overQuota: fitting < q.copies,
  };
}
