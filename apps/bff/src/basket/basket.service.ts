import {
  BASKET_MAX_DIDS,
  type Basket,
  type BasketChange,
  type BasketCount,
  type BasketDid,
} from '@bdms/contract';
import type { Logger } from 'pino';
import type { SessionUser } from '../auth/session-data.ts';
import type { Json } from '../db/database.ts';
import { collect } from '../lib/async-iter.ts';
import { AppError } from '../errors.ts';
import { recordBestEffort } from '../lib/best-effort-audit.ts';
import type { BulkMetaDto } from '@bdms/rucio-client';
import {
  basketFigures,
  type BasketPorts,
  type ContainerWalk,
  type WalkLimits,
} from './basket-rucio.ts';
import { UNKNOWN, type Figures } from './basket-figures.ts';
import {
  basketKey as didKey,
  uniqueDids,
  type BasketDidType,
  type BasketOwner,
  type BasketRepo,
} from './basket.repo.ts';
import { basketTotals } from './basket-totals.ts';

/** One row of the audit trail, as this service writes it. */
export interface BasketAuditEntry {
  actor: { sub: string; username: string };
  action: 'basket_add' | 'basket_remove' | 'basket_empty';
  target: string;
  after?: Json;
  before?: Json;
  result: 'ok';
  requestId: string | undefined;
  details?: { [key: string]: Json };
}

export interface BasketDeps {
  repo: BasketRepo;
  audit: { record(entry: BasketAuditEntry): Promise<unknown> };
  logger: Logger;
  /** The configured issuer, for sessions from before the issuer was kept with the user. */
  issuer: string;
  /** Per user; BASKET_MAX_DIDS unless a test says otherwise. */
  max?: number;
  /** Containers' datasets: the DID page's walk and limits (app.ts passes them). */
  walk: ContainerWalk;
  limits: WalkLimits;
}

export interface Caller {
  user: SessionUser;
  requestId: string | undefined;
}

/** The Rucio calls of one request, bound to the user's token (basket.routes.ts makes them). */
export type RucioFor = BasketPorts;

const TYPES = new Set(['FILE', 'DATASET', 'CONTAINER']);
/** In the audit row: the DIDs (up to 20 of them), so a long add stays a short row. */
const named = (dids: readonly BasketDid[]): Json => dids.slice(0, 20).map(didKey);

export function createBasketService(deps: BasketDeps) {
  const max = deps.max ?? BASKET_MAX_DIDS;
  const ownerOf = (user: SessionUser): BasketOwner => ({
    sub: user.sub,
    iss: user.iss ?? deps.issuer,
  });

  /** Best effort, as for saved searches: the basket is the user's own list and changes nothing in Rucio. */
  async function audited(
    caller: Caller,
    entry: Pick<BasketAuditEntry, 'action' | 'after' | 'before' | 'details'>,
  ) {
    const row: BasketAuditEntry = {
      ...entry,
      actor: { sub: caller.user.sub, username: caller.user.username },
      target: 'basket',
      result: 'ok',
      requestId: caller.requestId,
    };
    await recordBestEffort(deps.audit, deps.logger, row);
  }

  return {
    async get(user: SessionUser, rucio: RucioFor): Promise<Basket> {
      const records = await deps.repo.list(ownerOf(user));
      const figures: Map<string, Figures> =
        records.length > 0
          ? await basketFigures(records, rucio, deps.walk, deps.limits)
          : new Map<string, Figures>();
      const items = records.map((r) => ({
        scope: r.scope,
        name: r.name,
        type: r.type,
        addedAt: r.addedAt.toISOString(),
        ...(figures.get(didKey(r)) ?? UNKNOWN),
      }));
      return { items, totals: basketTotals(items), max, fetchedAt: new Date().toISOString() };
    },

    /** The DIDs in the basket, newest first (for its scripts and bundle). */
    async dids(user: SessionUser): Promise<BasketDid[]> {
      const records = await deps.repo.list(ownerOf(user));
      return records.map(({ scope, name }) => ({ scope, name }));
    },

    async count(user: SessionUser): Promise<BasketCount> {
      return { count: await deps.repo.count(ownerOf(user)), max };
    },

    /** Rucio is asked once (≤ 1 000 DIDs) whether it knows them, and what type each is. */
    async add(
      caller: Caller,
      dids: readonly BasketDid[],
      meta: RucioFor['meta'],
    ): Promise<BasketChange> {
      const wanted = uniqueDids(dids);
      const known = new Map<string, BulkMetaDto>();
      for (const m of await collect(meta(wanted))) known.set(didKey(m), m);
      const unknown = wanted.filter((d) => !TYPES.has(String(known.get(didKey(d))?.did_type)));
      if (unknown.length > 0)
        throw new AppError(
          400,
          'bad_request',
          `Invalid body.dids: Rucio does not know ${unknown.map(didKey).join(', ')}.`,
          { details: { field: 'dids', unknown: unknown.map(didKey) } },
        );
      const typed = wanted.map((d) => ({
        ...d,
        type: known.get(didKey(d))?.did_type as BasketDidType,
      }));
      const result = await deps.repo.add(ownerOf(caller.user), typed, max);
      if (!result.ok)
        throw new AppError(
          409,
          'conflict',
          `Your basket holds ${result.count} DIDs; ${result.adding} more would pass the ${max} it can hold. Remove some first, or add a dataset or container instead of its files.`,
          { details: { field: 'dids', count: result.count, max } },
        );
      if (result.added.length > 0)
        await audited(caller, {
          action: 'basket_add',
          after: named(result.added),
          details: { added: result.added.length, count: result.count },
        });
      return {
        added: result.added,
        already: result.already,
        removed: [],
        count: result.count,
        max,
      };
    },

    async remove(caller: Caller, dids: readonly BasketDid[]): Promise<BasketChange> {
      const { removed, count } = await deps.repo.remove(ownerOf(caller.user), dids);
      if (removed.length > 0)
        await audited(caller, {
          action: 'basket_remove',
          before: named(removed),
          details: { removed: removed.length, count },
        });
      return { added: [], already: [], removed, count, max };
    },

    async empty(caller: Caller): Promise<BasketChange> {
      const removed = await deps.repo.clear(ownerOf(caller.user));
      if (removed.length > 0)
        await audited(caller, {
          action: 'basket_empty',
          before: named(removed),
          details: { removed: removed.length, count: 0 },
        });
      return { added: [], already: [], removed, count: 0, max };
    },
  };
}

export type BasketService = ReturnType<typeof createBasketService>;
