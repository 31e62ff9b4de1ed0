import type { CurrentLimit, GlobalLimitRow, LocalLimitCell } from '@bdms/contract';
import { activeAccount } from '../auth/active-account.ts';
import { collect, inTurn } from '../lib/async-iter.ts';
import type { ReferenceCache } from '../lib/reference-cache.ts';
import type { RucioPort } from '../rucio-port.ts';
import { fromRucio } from './limit-values.ts';
import { actorFrom, type Actor, type RseCountries } from './quota-permissions.ts';

export type QuotaRucio = Pick<
  RucioPort,
  | 'listAccounts'
  | 'listRseAccountUsage'
  | 'getRseAttributes'
  | 'getAccountAttributes'
  | 'getGlobalLimits'
  | 'listLocalUsage'
  | 'setLocalLimit'
  | 'deleteLocalLimit'
  | 'setGlobalLimit'
  | 'deleteGlobalLimit'
  | 'whoami'
>;

export interface RseSite {
  rse: string;
  type: 'DISK' | 'TAPE';
}

/** What the quota services need from the rest of the BFF (wired in app.ts). */
export interface QuotaDeps {
  rucio: QuotaRucio;
  cache: ReferenceCache;
  /** Every RSE (the rses capability's cached listing). */
  rseSites: (sub: string, token: string) => Promise<RseSite[]>;
  /** The RSEs an expression resolves to, or Rucio's reason it cannot (rule-requests' preview). */
  resolveExpression: (
    sub: string,
    token: string,
    expression: string,
    signal: AbortSignal,
  ) => Promise<{ rses: { rse: string }[]; problem: string | null }>;
}

/** Rucio answers many calls at once, but not 200: global limits are asked this many at a time. */
const PARALLEL = 8;

/** Reads of limits, usage, accounts and permissions, as the quota services need them. */
export function createLimitsReader(deps: QuotaDeps) {
  const { rucio, cache } = deps;

  /** RSE → its `country` attribute; attributes change rarely (cached like reference data). */
  async function rseCountries(sub: string, token: string): Promise<Map<string, unknown>> {
    const sites = await deps.rseSites(sub, token);
    const countries = await inTurn(sites, PARALLEL, async ({ rse }) => {
      const attrs = await cache.get(`rse-attributes|${rse}`, () =>
        rucio.getRseAttributes({ token, rse }),
      );
      return [rse, attrs.country] as const;
    });
    return new Map(countries);
  }

  /** One account's global limits, with its usage summed over each expression's RSEs. */
  async function globalRows(
    token: string,
    account: string,
    usedOn: (rse: string) => number,
  ): Promise<GlobalLimitRow[]> {
    const limits = await rucio.getGlobalLimits({ token, account });
    return Object.entries(limits).map(([expression, l]) => ({
      account,
      expression,
      limit: fromRucio(l.limit),
      resolvedRses: [...l.resolved_rses].sort(),
      usedBytes: l.resolved_rses.reduce((sum, rse) => sum + usedOn(rse), 0),
    }));
  }

  return {
    rseCountries,
    globalRows,

    /**
     * The Rucio account the request acts as (cached per chosen account, as everywhere) and what
     * Rucio lets it do with limits (its attributes: never cached).
     */
    async actor(sub: string, token: string): Promise<Actor> {
      const { account } = await activeAccount({ rucio, cache }, { sub }, token);
      return actorFrom(account, await rucio.getAccountAttributes({ token, account }));
    },

    async accounts(token: string): Promise<string[]> {
      return (await collect(rucio.listAccounts({ token }))).map((a) => a.account).sort();
    },

    /** Every account's local limit and usage on these RSEs: one Rucio call per RSE. */
    async localCells(token: string, rses: readonly string[]): Promise<LocalLimitCell[]> {
      const perRse = await inTurn(rses, PARALLEL, async (rse) =>
        (await collect(rucio.listRseAccountUsage({ token, rse }))).map((u): LocalLimitCell => ({
          account: u.account,
          rse,
          limit: fromRucio(u.quota_bytes),
          usedBytes: u.used_bytes ?? 0,
          usedFiles: u.used_files ?? 0,
        })),
      );
      return perRse.flat();
    },

    /** Every account's global limits (Rucio has no listing of all: one call per account). */
    async allGlobalRows(
      token: string,
      accounts: readonly string[],
      cells: readonly LocalLimitCell[],
    ): Promise<GlobalLimitRow[]> {
      const used = new Map(cells.map((c) => [`${c.account}|${c.rse}`, c.usedBytes]));
      const rows = await inTurn(accounts, PARALLEL, (account) =>
        globalRows(token, account, (rse) => used.get(`${account}|${rse}`) ?? 0),
      );
      return rows.flat();
    },

    /** One account's usage per RSE (Rucio lists the RSEs where it has a limit or data). */
    async usage(token: string, account: string): Promise<Map<string, number>> {
      const lines = await collect(rucio.listLocalUsage({ token, account }));
      return new Map(lines.map((l) => [l.rse, l.bytes ?? 0]));
    },

    /** The current global limit of one account on one expression (null: none). */
    async globalLimit(token: string, account: string, expression: string): Promise<CurrentLimit> {
      const limits = await rucio.getGlobalLimits({ token, account });
      return fromRucio(limits[expression]?.limit ?? null);
    },
  };
}

export type LimitsReader = ReturnType<typeof createLimitsReader>;
export type { RseCountries };
