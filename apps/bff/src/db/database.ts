/**
 * The portal database as Kysely sees it today: one interface per table, keyed by table name.
 * Migrations do not use these types (they must keep compiling after the schema moves on).
 */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** What `JSON.parse` can return; jsonb columns hold exactly this. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A column written once and never updated (`never` on update): the audit trail is append-only,
 * and the types refuse an UPDATE before PostgreSQL would have to.
 */
type WriteOnce<S, I = S> = ColumnType<S, I, never>;
/** jsonb: read back parsed by pg; written as a JSON string (pg would turn a JS array into a SQL array). */
type JsonbColumn = ColumnType<Json | null, string | null | undefined, never>;

export interface AuditLogTable {
  /** bigint identity: pg returns int8 as a string, so no precision is lost in JS. */
  id: GeneratedAlways<string>;
  at: WriteOnce<Date, Date | undefined>;
  actor_sub: WriteOnce<string>;
  actor_username: WriteOnce<string | null, string | null | undefined>;
  actor_account: WriteOnce<string | null, string | null | undefined>;
  action: WriteOnce<string>;
  target: WriteOnce<string | null, string | null | undefined>;
  before: JsonbColumn;
  after: JsonbColumn;
  result: WriteOnce<'ok' | 'refused' | 'failed'>;
  request_id: WriteOnce<string | null, string | null | undefined>;
  details: JsonbColumn;
}

/** One saved search of one user (owner = the IdP's `sub` and issuer). */
export interface SavedSearchTable {
  id: Generated<string>;
  owner_sub: ColumnType<string, string, never>;
  owner_iss: ColumnType<string, string, never>;
  name: string;
  /** The SearchQueryInput as saved: only its shape was checked (validateQuery runs on read). */
  query: ColumnType<Json, string, never>;
  /** The same query in Rucio's CLI filter syntax, written at save time. */
  filter_text: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  last_run_at: ColumnType<Date | null, never, Date>;
  /** bigint: pg returns int8 as a string. */
  last_count: ColumnType<string | null, never, number>;
  last_complete: ColumnType<boolean | null, never, boolean>;
}

/** One DID in one user's download basket (unique per owner and DID). */
export interface BasketItemTable {
  owner_sub: ColumnType<string, string, never>;
  owner_iss: ColumnType<string, string, never>;
  scope: ColumnType<string, string, never>;
  name: ColumnType<string, string, never>;
  did_type: ColumnType<'FILE' | 'DATASET' | 'CONTAINER', 'FILE' | 'DATASET' | 'CONTAINER', never>;
  added_at: ColumnType<Date, Date | undefined, never>;
}

/** One signed download link (links/): what it serves, until when, and how often it was used. */
export interface DownloadLinkTable {
  id: Generated<string>;
  owner_sub: ColumnType<string, string, never>;
  owner_iss: ColumnType<string, string, never>;
  owner_username: ColumnType<string | null, string | null | undefined, never>;
  scope: ColumnType<string, string, never>;
  name: ColumnType<string, string, never>;
  /** The file's record and replicas when the link was made (LinkedFile). */
  file: ColumnType<Json, string, never>;
  created_at: ColumnType<Date, Date | undefined, never>;
  expires_at: ColumnType<Date, Date, never>;
  revoked_at: ColumnType<Date | null, never, Date>;
  uses: ColumnType<number, never, number>;
  last_used_at: ColumnType<Date | null, never, Date>;
}

/** One account-limit change (quotas/): who, what, before → after, and how Rucio answered. */
export interface QuotaChangeTable {
  /** bigint identity: pg returns int8 as a string. */
  id: GeneratedAlways<string>;
  at: WriteOnce<Date, Date | undefined>;
  actor_sub: WriteOnce<string>;
  actor_username: WriteOnce<string | null, string | null | undefined>;
  actor_account: WriteOnce<string>;
  action: WriteOnce<'set' | 'delete'>;
  kind: WriteOnce<'local' | 'global'>;
  account: WriteOnce<string>;
  rse: WriteOnce<string | null, string | null | undefined>;
  expression: WriteOnce<string | null, string | null | undefined>;
  resolved_rses: WriteOnce<string[], string[] | undefined>;
  before_limit: WriteOnce<string | null, string | null | undefined>;
  after_limit: WriteOnce<string | null, string | null | undefined>;
  /** Settled once: pending → accepted or refused (the only update the trail allows). */
  result: ColumnType<
    'pending' | 'accepted' | 'refused' | 'unchanged',
    'pending' | 'accepted' | 'refused' | 'unchanged',
    'accepted' | 'refused'
  >;
  message: ColumnType<string | null, string | null | undefined, string | null>;
  request_id: WriteOnce<string>;
  batch_id: WriteOnce<string | null, string | null | undefined>;
}

export interface Database {
  audit_log: AuditLogTable;
  saved_search: SavedSearchTable;
  basket_item: BasketItemTable;
  download_link: DownloadLinkTable;
  quota_change: QuotaChangeTable;
}
