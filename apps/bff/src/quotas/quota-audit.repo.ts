/**
 * The audit trail of limit changes (table quota_change, migration 0005). Services record and read
 * through QuotaAuditRepo; only the Kysely implementation knows tables and columns.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CurrentLimit, LimitChangeResult, LimitKind, QuotaAuditEntry } from '@bdms/contract';
import type { Database, QuotaChangeTable } from '../db/database.ts';
import { limitColumn, limitFromColumn } from './limit-values.ts';

export interface NewQuotaChange {
  actor: { sub: string; username: string | null; account: string };
  action: 'set' | 'delete';
  kind: LimitKind;
  account: string;
  rse: string | null;
  expression: string | null;
  resolvedRses: string[];
  before: CurrentLimit;
  after: CurrentLimit;
  result: 'pending' | 'refused' | 'unchanged';
  message: string | null;
  requestId: string;
  batchId: string | null;
}

export interface QuotaAuditFilter {
  account?: string | undefined;
  rse?: string | undefined;
  actor?: string | undefined;
  result?: LimitChangeResult | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export interface QuotaAuditRepo {
  /** Writes one row; returns its id. */
  record(change: NewQuotaChange): Promise<string>;
  /** Settles a pending row once Rucio answered. */
  settle(id: string, result: 'accepted' | 'refused', message: string | null): Promise<void>;
  /** Newest first; `cursor` is the id of the last entry of the previous page. */
  list(
    filter: QuotaAuditFilter,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ entries: QuotaAuditEntry[]; nextCursor: string | null }>;
}

function toEntry(row: Selectable<QuotaChangeTable>): QuotaAuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { sub: row.actor_sub, username: row.actor_username, account: row.actor_account },
    action: row.action,
    kind: row.kind,
    account: row.account,
    rse: row.rse,
    expression: row.expression,
    resolvedRses: row.resolved_rses,
    before: limitFromColumn(row.before_limit),
    after: limitFromColumn(row.after_limit),
    result: row.result,
    message: row.message,
    requestId: row.request_id,
    batchId: row.batch_id,
  };
}

export function createQuotaAuditRepo(db: Kysely<Database>): QuotaAuditRepo {
  return {
    async record(change) {
      const row = await db
        .insertInto('quota_change')
        .values({
          actor_sub: change.actor.sub,
          actor_username: change.actor.username,
          actor_account: change.actor.account,
          action: change.action,
          kind: change.kind,
          account: change.account,
          rse: change.rse,
          expression: change.expression,
          resolved_rses: change.resolvedRses,
          before_limit: limitColumn(change.before),
          after_limit: limitColumn(change.after),
          result: change.result,
          message: change.message,
          request_id: change.requestId,
          batch_id: change.batchId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async settle(id, result, message) {
      await db
        .updateTable('quota_change')
        .set({ result, message })
        .where('id', '=', id)
        .where('result', '=', 'pending')
        .execute();
    },

    async list(filter, page) {
      let query = db.selectFrom('quota_change').selectAll();
      if (filter.account) query = query.where('account', '=', filter.account);
      const { rse, actor } = filter;
      if (rse)
        query = query.where((eb) =>
          eb.or([eb('rse', '=', rse), eb(eb.val(rse), '=', eb.fn.any('resolved_rses'))]),
        );
      if (actor)
        query = query.where((eb) =>
          eb.or([eb('actor_username', '=', actor), eb('actor_account', '=', actor)]),
        );
      if (filter.result) query = query.where('result', '=', filter.result);
      if (filter.from) query = query.where('at', '>=', filter.from);
      if (filter.to) query = query.where('at', '<', filter.to);
      const { cursor } = page;
      // Keyset paging on (at, id) from the cursor row itself (exact to the microsecond).
      if (cursor)
        query = query.where((eb) =>
          eb(
            eb.refTuple('at', 'id'),
            '<',
            eb
              .selectFrom('quota_change as c')
              .select(['c.at', 'c.id'])
              .where('c.id', '=', cursor)
              .$asTuple('at', 'id'),
          ),
        );
      const rows = await query
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit + 1)
        .execute();
      const entries = rows.slice(0, page.limit).map(toEntry);
      return {
        entries,
        nextCursor: rows.length > page.limit ? (entries.at(-1)?.id ?? null) : null,
      };
    },
  };
}
