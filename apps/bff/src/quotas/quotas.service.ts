import type {
  CurrentLimit,
  LimitChange,
  LimitsOverview,
  LimitKind,
  QuotaPermissions,
} from '@bdms/contract';
import { AppError } from '../errors.ts';
import { prepareRows, targetOf, type LimitRow, type PreparedRow } from './limit-snapshot.ts';
import { limitInWords } from './limit-values.ts';
import { createLimitWriter, type WriteContext } from './limit-writer.ts';
import { createLimitsReader, type QuotaDeps } from './limits-reader.ts';
import { permissionsOf, type Actor } from './quota-permissions.ts';
import type { QuotaAuditRepo } from './quota-audit.repo.ts';

export interface Caller {
  user: { sub: string; username: string | null };
  token: string;
  signal: AbortSignal;
  requestId: string;
  portalAdmin: boolean;
}

export interface SingleChange {
  kind: LimitKind;
  account: string;
  rse: string | null;
  expression: string | null;
  after: CurrentLimit;
  confirmBelowUsage: boolean;
}

/** The 400 of a row Rucio's state refuses, naming the field. */
export function problemError(row: PreparedRow): AppError {
  const [first] = row.problems;
  const field = first?.field === 'row' ? 'limit' : (first?.field ?? 'limit');
  return new AppError(400, 'bad_request', `Invalid ${field}: ${first?.message ?? 'refused'}.`, {
    details: { field, problems: row.problems },
  });
}

export function belowUsageError(rows: readonly PreparedRow[]): AppError {
  const what = rows
    .slice(0, 5)
    .map(
      (r) =>
        `${r.account} on ${r.rse ?? r.expression ?? ''} stores ${limitInWords(r.usedBytes ?? 0)}, the new limit is ${limitInWords(r.after)}`,
    )
    .join('; ');
  const [first] = rows;
  return new AppError(
    409,
    'conflict',
    `Below current usage: ${what}${rows.length > 5 ? ` (and ${String(rows.length - 5)} more)` : ''}. Send confirmBelowUsage to set it anyway.`,
    {
      details: {
        field: 'limit',
        usedBytes: first?.usedBytes ?? 0,
        rows: rows.map((r) => ({ row: r.row, usedBytes: r.usedBytes })),
      },
    },
  );
}

export function createQuotasService(
  deps: QuotaDeps & { audit: QuotaAuditRepo; adminGroup: string },
) {
  const reader = createLimitsReader(deps);
  const write = createLimitWriter({
    rucio: deps.rucio,
    audit: deps.audit,
    readBack: async (token, row) =>
      row.kind === 'local'
        ? ((await reader.localCells(token, [row.rse ?? ''])).find((c) => c.account === row.account)
            ?.limit ?? null)
        : reader.globalLimit(token, row.account, row.expression ?? ''),
  });

  async function permissions(caller: Caller): Promise<QuotaPermissions> {
    const [actor, countries] = await Promise.all([
      reader.actor(caller.user.sub, caller.token),
      reader.rseCountries(caller.user.sub, caller.token),
    ]);
    return permissionsOf(actor, caller.portalAdmin, countries, deps.adminGroup);
  }

  /** The rows checked against Rucio as it is now (see prepareRows). */
  const prepare = (caller: Caller, actor: Actor, rows: readonly LimitRow[]) =>
    prepareRows(
      deps,
      reader,
      { sub: caller.user.sub, token: caller.token, signal: caller.signal, actor },
      rows,
    );

  return {
    reader,
    write,
    prepare,
    permissions,

    async overview(caller: Caller): Promise<LimitsOverview> {
      const { sub } = caller.user;
      const [accounts, sites, countries, actor] = await Promise.all([
        reader.accounts(caller.token),
        deps.rseSites(sub, caller.token),
        reader.rseCountries(sub, caller.token),
        reader.actor(sub, caller.token),
      ]);
      // Rucio lists deleted accounts there too: only the active ones (GET /accounts/) are kept.
      const active = new Set(accounts);
      const local = (
        await reader.localCells(
          caller.token,
          sites.map((s) => s.rse),
        )
      ).filter((c) => active.has(c.account));
      const global = await reader.allGlobalRows(caller.token, accounts, local);
      const country = (rse: string) => {
        const c = countries.get(rse);
        return typeof c === 'string' ? c : null;
      };
      return {
        accounts,
        rses: sites.map((s) => ({ rse: s.rse, type: s.type, country: country(s.rse) })),
        local,
        global,
        permissions: permissionsOf(actor, caller.portalAdmin, countries, deps.adminGroup),
        fetchedAt: new Date().toISOString(),
      };
    },

    /** One set or removal, checked, audited and sent. */
    async change(caller: Caller, change: SingleChange): Promise<LimitChange> {
      const actor = await reader.actor(caller.user.sub, caller.token);
      const [row] = await prepare(caller, actor, [{ row: 1, ...change, problems: [] }]);
      if (!row) throw new Error('prepareRows lost the row');
      if (row.problems.length > 0) throw problemError(row);
      if (row.belowUsage && !change.confirmBelowUsage) throw belowUsageError([row]);
      const ctx: WriteContext = {
        user: caller.user,
        actor,
        token: caller.token,
        requestId: caller.requestId,
        batchId: null,
      };
      const outcome = await write(row, ctx);
      if (outcome.status === 'refused' || outcome.status === 'unknown') throw outcome.error;
      return {
        ...targetOf(row),
        usedBytes: row.usedBytes ?? 0,
        result: outcome.status,
        auditId: outcome.auditId,
        requestId: caller.requestId,
      };
    },
  };
}

export type QuotasService = ReturnType<typeof createQuotasService>;
