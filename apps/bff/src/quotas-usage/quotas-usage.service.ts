import {
  AccountRseUsage,
  QuotaUsageOverview,
  type MyQuota,
  type RseUsageTotals,
} from '@bdms/contract';
import { z } from 'zod';
import { checked } from '../lib/checked.ts';
import { activeAccount } from '../auth/active-account.ts';
import type { SessionUser } from '../auth/session-data.ts';
import { collect, inTurn } from '../lib/async-iter.ts';
import type { ReferenceCache } from '../lib/reference-cache.ts';
import type { RucioPort } from '../rucio-port.ts';
import {
  byText,
  sortedBy,
  toAccountRseUsage,
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

const UsageRows = z.array(AccountRseUsage);
const OverviewHead = QuotaUsageOverview.pick({ rses: true, accounts: true });

export function createQuotasUsageService(deps: QuotasUsageDeps) {
  const { rucio } = deps;
  const inFlight = deps.inFlight ?? 8;

  return {
    /**
     * Every account × every RSE: one /rses/<rse>/accounts/usage per RSE (Rucio answers every
     * account there with its usage and local limit), never one call per account × RSE. Answered
     * as the contract's QuotaUsageOverview in JSON text, built RSE by RSE: each RSE's rows are
     * checked against the contract and serialised as its answer arrives, while the other calls
     * are still in flight, so that only joining is left once the last answer lands (checking and
     * serialising 2 500 rows at the end took ~10 ms, most of what the BFF added to Rucio's time).
     */
    async overviewJson(user: SessionUser, auth: Auth): Promise<string> {
      const rses = [...(await deps.rseNames(user.sub, auth.token))].sort(byText);
      const named = new Set<string>();
      const chunks = await inTurn(rses, inFlight, async (rse) => {
        const rows: AccountRseUsage[] = [];
        for await (const line of rucio.listRseAccountUsage({ ...auth, rse })) {
          named.add(line.account);
          const row = toAccountRseUsage(rse, line);
          if (row) rows.push(row);
        }
        rows.sort(sortedBy((r) => r.account));
        return JSON.stringify(checked(UsageRows, rows)).slice(1, -1);
      });
      // Rows by RSE, then account (the RSEs are taken in order); every account Rucio names is
      // listed, with rows or not.
      const head = checked(OverviewHead, { rses, accounts: [...named].sort(byText) });
      return `${JSON.stringify(head).slice(0, -1)},"rows":[${chunks.filter(Boolean).join(',')}]}`;
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
