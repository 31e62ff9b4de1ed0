/** The portal's PostgreSQL: one pg Pool behind one typed Kysely instance. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

/** A plain identifier only: it goes into the connection's search_path unquoted. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface DbOptions {
  url: string;
  /** Every table of the portal lives here (tests use a throw-away one per run). */
  schema?: string;
  maxConnections?: number;
  /** Errors of idle pooled connections (a restarted server); without a listener they crash Node. */
  onIdleError?: (error: Error) => void;
}

export interface PortalDb {
  db: Kysely<Database>;
  schema: string;
  /** Ends the pool; waits for checked-out connections to come back. */
  close(): Promise<void>;
}

export function createDb(options: DbOptions): PortalDb {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // A database that does not answer fails the request instead of hanging it.
    connectionTimeoutMillis: 5_000,
    // Unqualified names resolve in one schema only, for the app and its migrations alike.
    options: `-c search_path=${schema}`,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, schema, close: () => db.destroy() };
}

/** pg's errors for "cannot connect" may have an empty message (an AggregateError per address). */
export function describeDbError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message) return error.message;
  const { code, errors } = error as { code?: string; errors?: unknown[] };
  const inner = (errors ?? []).map(describeDbError).filter(Boolean);
  return inner.length ? inner.join('; ') : (code ?? error.name);
}

/** Never print a password from DATABASE_URL. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
