/**
 * The audit trail: who did what, to which target, when, and how it ended. Services record and
 * list through AuditRepo; only the Kysely implementation below knows tables and columns.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database, Json } from '../db/database.ts';

/** Grows with the capabilities: 'quota_set', 'rule_create', … (free text in the table). */
export type AuditAction =
  | 'sign_in'
  | 'sign_out'
  | 'saved_search_create'
  | 'saved_search_rename'
  | 'saved_search_delete'
  | 'basket_add'
  | 'basket_remove'
  | 'basket_empty'
  | 'link_create'
  | 'link_revoke'
  | 'link_use';
export type AuditResult = 'ok' | 'refused' | 'failed';

export interface AuditActor {
  /** The IdP subject: stable, unlike the username. */
  sub: string;
  username?: string | undefined;
  /** The Rucio account acted as, once known (account switching, quota changes). */
  account?: string | undefined;
}

export interface NewAuditEntry {
  actor: AuditActor;
  action: AuditAction;
  /** An account, RSE, RSE expression or DID the action was about. */
  target?: string | undefined;
  before?: Json | undefined;
  after?: Json | undefined;
  result: AuditResult;
  requestId?: string | undefined;
  details?: { [key: string]: Json } | undefined;
}

export interface AuditEntry extends NewAuditEntry {
  id: string;
  at: Date;
}

export interface AuditFilter {
  actorSub?: string;
  actorAccount?: string;
  action?: AuditAction;
  target?: string;
  result?: AuditResult;
  /** Inclusive lower and exclusive upper bound on `at`. */
  since?: Date;
  until?: Date;
}

export interface AuditPage {
  /** 1…500. */
  limit: number;
  /** `nextCursor` of the previous page; absent for the newest entries. */
  cursor?: string | undefined;
}

export interface AuditList {
  /** Newest first. */
  entries: AuditEntry[];
  nextCursor: string | undefined;
}

export interface AuditRepo {
  record(entry: NewAuditEntry): Promise<AuditEntry>;
  list(filter: AuditFilter, page: AuditPage): Promise<AuditList>;
}

export const MAX_AUDIT_PAGE = 500;

/** A page size and cursor a repository can trust; shared by every implementation. */
export function checkAuditPage(page: AuditPage): void {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_AUDIT_PAGE)
    throw new RangeError(`audit page limit must be 1…${MAX_AUDIT_PAGE}`);
  if (page.cursor !== undefined && !/^[1-9]\d{0,18}$/.test(page.cursor))
    throw new RangeError('not an audit cursor');
}

const json = (value: Json | undefined): string | null =>
  value === undefined ? null : JSON.stringify(value);
const optional = <T>(value: T | null): T | undefined => value ?? undefined;

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: {
      sub: row.actor_sub,
      username: optional(row.actor_username),
      account: optional(row.actor_account),
    },
    action: row.action as AuditAction,
    target: optional(row.target),
    before: optional(row.before),
    after: optional(row.after),
    result: row.result,
    requestId: optional(row.request_id),
    details: optional(row.details) as NewAuditEntry['details'],
  };
}

export function createAuditRepo(db: Kysely<Database>): AuditRepo {
  return {
    async record(entry) {
      const row = await db
        .insertInto('audit_log')
        .values({
          actor_sub: entry.actor.sub,
          actor_username: entry.actor.username ?? null,
          actor_account: entry.actor.account ?? null,
          action: entry.action,
          target: entry.target ?? null,
          before: json(entry.before),
          after: json(entry.after),
          result: entry.result,
          request_id: entry.requestId ?? null,
          details: json(entry.details),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEntry(row);
    },

    async list(filter, page) {
      checkAuditPage(page);
      let query = db.selectFrom('audit_log').selectAll();
      if (filter.actorSub) query = query.where('actor_sub', '=', filter.actorSub);
      if (filter.actorAccount) query = query.where('actor_account', '=', filter.actorAccount);
      if (filter.action) query = query.where('action', '=', filter.action);
      if (filter.target) query = query.where('target', '=', filter.target);
      if (filter.result) query = query.where('result', '=', filter.result);
      if (filter.since) query = query.where('at', '>=', filter.since);
      if (filter.until) query = query.where('at', '<', filter.until);
      const { cursor } = page;
      // Keyset paging on (at, id) from the cursor row itself: exact to the microsecond, which a
      // timestamp carried through a JS Date (milliseconds) would not be.
      if (cursor)
        query = query.where((eb) =>
          eb(
            eb.refTuple('at', 'id'),
            '<',
            eb
              .selectFrom('audit_log as c')
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
      const more = rows.length > page.limit;
      return { entries, nextCursor: more ? entries.at(-1)?.id : undefined };
    },
  };
}
