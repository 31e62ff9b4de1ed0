import type { BulkRowPreview, CurrentLimit, LimitKind, LocalLimitCell } from '@bdms/contract';
import { belowUsage, sameLimit } from './limit-values.ts';
import type { LimitsReader, QuotaDeps } from './limits-reader.ts';
import { mayGlobal, mayLocal, rucioRefusal, type Actor } from './quota-permissions.ts';

/** One limit to change: a local one (rse) or a global one (expression); after null removes it. */
export interface LimitRow {
  row: number;
  account: string;
  rse: string | null;
  expression: string | null;
  after: CurrentLimit;
  /** Problems found before Rucio was asked (CSV parsing, shape). */
  problems: Problem[];
}

export interface Problem {
  field: 'account' | 'rse' | 'expression' | 'limit' | 'row';
  message: string;
}

/** A row checked against Rucio as it is now: what would change, and whether it may. */
export interface PreparedRow extends LimitRow {
  kind: LimitKind;
  resolvedRses: string[];
  before: CurrentLimit;
  usedBytes: number | null;
  belowUsage: boolean;
  /** Why the session may not make this change (Rucio's rule, mirrored); null when it may. */
  refusal: string | null;
}

/** What a change is about, as the audit and the answers name it. */
export const targetOf = (p: PreparedRow) => ({
  kind: p.kind,
  account: p.account,
  rse: p.rse,
  expression: p.expression,
  resolvedRses: p.resolvedRses,
  before: p.before,
  after: p.after,
});

export const actionOf = (p: PreparedRow): BulkRowPreview['action'] =>
  p.problems.length > 0
    ? 'invalid'
    : sameLimit(p.before, p.after)
      ? 'unchanged'
      : p.after === null
        ? 'delete'
        : 'set';

/**
 * Reads what the rows need from Rucio, once for all of them: the accounts, the RSEs, each distinct
 * expression resolved, every account's limit and usage on each RSE involved (one call per RSE),
 * the global limits of the accounts with global rows (one call per account), and the RSEs'
 * countries when the actor is a country admin.
 */
export async function prepareRows(
  deps: Pick<QuotaDeps, 'rseSites' | 'resolveExpression'>,
  reader: LimitsReader,
  auth: { sub: string; token: string; signal: AbortSignal; actor: Actor },
  rows: readonly LimitRow[],
): Promise<PreparedRow[]> {
  const { sub, token, signal, actor } = auth;
  const [accounts, sites] = await Promise.all([reader.accounts(token), deps.rseSites(sub, token)]);
  const knownAccounts = new Set(accounts);
  const knownRses = new Set(sites.map((s) => s.rse));
  const expressions = [...new Set(rows.flatMap((r) => (r.expression ? [r.expression] : [])))];
  const resolved = new Map(
    await Promise.all(
      expressions.map(
        async (e) => [e, await deps.resolveExpression(sub, token, e, signal)] as const,
      ),
    ),
  );
  const rsesNeeded = new Set<string>();
  for (const r of rows) {
    if (r.rse && knownRses.has(r.rse)) rsesNeeded.add(r.rse);
    for (const x of (r.expression && resolved.get(r.expression)?.rses) || []) rsesNeeded.add(x.rse);
  }
  const cells = await reader.localCells(token, [...rsesNeeded]);
  const cellOf = new Map<string, LocalLimitCell>(cells.map((c) => [`${c.account}|${c.rse}`, c]));
  const globalAccounts = [
    ...new Set(
      rows.filter((r) => r.expression && knownAccounts.has(r.account)).map((r) => r.account),
    ),
  ];
  const globals = new Map(
    await Promise.all(
      globalAccounts.map(
        async (a) =>
          [
            a,
            await reader.globalRows(token, a, (rse) => cellOf.get(`${a}|${rse}`)?.usedBytes ?? 0),
          ] as const,
      ),
    ),
  );
  const countries = actor.rucioAdmin
    ? new Map<string, unknown>()
    : await reader.rseCountries(sub, token);

  return rows.map((r): PreparedRow => {
    const problems = [...r.problems];
    const kind: LimitKind = r.expression ? 'global' : 'local';
    if (!knownAccounts.has(r.account))
      problems.push({ field: 'account', message: `Rucio has no account ${r.account}` });
    let resolvedRses: string[] = [];
    if (kind === 'local' && r.rse && !knownRses.has(r.rse))
      problems.push({ field: 'rse', message: `Rucio has no RSE ${r.rse}` });
    if (kind === 'global' && r.expression) {
      const answer = resolved.get(r.expression);
      resolvedRses = (answer?.rses ?? []).map((x) => x.rse).sort();
      if (answer?.problem || resolvedRses.length === 0)
        problems.push({
          field: 'expression',
          message: `Rucio cannot resolve ${r.expression}: ${answer?.problem ?? 'it matches no RSE'}`,
        });
    }
    const base = { ...r, kind, resolvedRses, problems, refusal: null };
    if (problems.length > 0) return { ...base, before: null, usedBytes: null, belowUsage: false };
    let before: CurrentLimit;
    let usedBytes: number;
    let refusal: string | null = null;
    if (kind === 'local' && r.rse) {
      const cell = cellOf.get(`${r.account}|${r.rse}`);
      before = cell?.limit ?? null;
      usedBytes = cell?.usedBytes ?? 0;
      if (!mayLocal(actor, r.rse, countries)) refusal = rucioRefusal(actor, r.rse);
    } else {
      const row = globals.get(r.account)?.find((g) => g.expression === r.expression);
      before = row?.limit ?? null;
      usedBytes = resolvedRses.reduce(
        (s, rse) => s + (cellOf.get(`${r.account}|${rse}`)?.usedBytes ?? 0),
        0,
      );
      if (!mayGlobal(actor, resolvedRses, countries))
        refusal = rucioRefusal(actor, `every RSE of ${r.expression ?? ''}`);
    }
    const below = !sameLimit(before, r.after) && belowUsage(kind, r.after, usedBytes);
    return { ...base, before, usedBytes, refusal, belowUsage: below };
  });
}
