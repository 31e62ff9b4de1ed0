import {
  usageColumns,
  type MyQuota,
  type QuotaUsageOverview,
  type RseUsageTotals,
} from '@bdms/contract';
import { activeAccount } from '../auth/active-account.ts';
import type { SessionUser } from '../auth/session-data.ts';
import { collect, inTurn } from '../lib/async-iter.ts';
import type { ReferenceCache } from '../lib/reference-cache.ts';
import type { RucioPort } from '../rucio-port.ts';
import {
  byText,
  sortedBy,
  toUsageEntry,
  toMyGlobal,
  toMyLocal,
  toRseTotal,
} from './usage-records.ts';

export interface QuotasUsageDeps {
  rucio: Pick<
    RucioPort,
    'listRseAccountUsage' | 'listRseUsage' | 'listLocalUsage' | 'listGlobalUsage' | 'whoami'
  >;
  cache: ReferenceCache;
  /** Every RSE's name (the app's cached RSE list: one Rucio call, shared with the sites pages). */
  rseNames: (userSub: string, token: string) => Promise<string[]>;
  /** Per-RSE calls in flight at once (Rucio's server runs a few workers). */
  inFlight?: number;
}

type Auth = { token: string; signal?: AbortSignal };

export function createQuotasUsageService(deps: QuotasUsageDeps) {
  const { rucio } = deps;
  const inFlight = deps.inFlight ?? 8;

  return {
    /**
     * Every account × every RSE: one /rses/<rse>/accounts/usage per RSE (Rucio answers every
     * account there with its usage and local limit), never one call per account × RSE. Answered
     * as the contract's QuotaUsageOverview, a table by column built by the contract's own
     * usageColumns (rows by RSE, then account): a sixth of the bytes rows as objects took to write
     * and read, with no row objects to check against the contract.
     */
    async overview(user: SessionUser, auth: Auth): Promise<QuotaUsageOverview> {
      const rses = [...(await deps.rseNames(user.sub, auth.token))].sort(byText);
      const perRse = await inTurn(rses, inFlight, async (rse) => {
        const entries = await collect(rucio.listRseAccountUsage({ ...auth, rse }));
        return entries.map((line) => toUsageEntry(rse, line)).sort(sortedBy((e) => e.account));
      });
      // Every account Rucio names on an RSE is listed, with usage or a limit there or not.
      const entries = perRse.flat();
      const accounts = [...new Set(entries.map((e) => e.account))].sort(byText);
      // Rows by RSE (taken in order), then account.
      const columns = usageColumns(
        entries.filter((e) => e.counted),
        rses,
        accounts,
      );
      return { rses, accounts, columns };
    },

    /** Every RSE's totals from Rucio's RSE usage records, one /rses/<rse>/usage per RSE. */
    async rseTotals(user: SessionUser, auth: Auth): Promise<RseUsageTotals> {
      const rses = [...(await deps.rseNames(user.sub, auth.token))].sort();
      const totals = await inTurn(rses, inFlight, async (rse) =>
        toRseTotal(rse, await collect(rucio.listRseUsage({ ...auth, rse }))),
      );
      const stamps = totals.flatMap((t) => (t.updatedAt ? [t.updatedAt] : [])).sort();
      return { rses: totals, computedAt: stamps.at(-1) ?? null };
    },

    /** The account Rucio acts as for this user: its local and global limits with usage. */
    async mine(user: SessionUser, auth: Auth): Promise<MyQuota> {
      const { account } = await activeAccount(deps, user, auth.token);
      const [local, global] = await Promise.all([
        collect(rucio.listLocalUsage({ ...auth, account })),
        collect(rucio.listGlobalUsage({ ...auth, account })),
      ]);
      return {
        account,
        local: local.map(toMyLocal).sort(sortedBy((r) => r.rse)),
        global: global.map(toMyGlobal).sort(sortedBy((r) => r.expression)),
      };
    },
  };
}

export type QuotasUsageService = ReturnType<typeof createQuotasUsageService>;
