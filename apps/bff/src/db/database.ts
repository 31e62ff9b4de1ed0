/**
 * The portal database as Kysely sees it today: one interface per table, keyed by table name.
 * Migrations do not use these types (they must keep compiling after the schema moves on).
 */
import type { ColumnType, GeneratedAlways } from 'kysely';

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

export interface Database {
  audit_log: AuditLogTable;
}
