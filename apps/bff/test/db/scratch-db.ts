/**
 * Tests against the real PostgreSQL: each run gets a schema of its own (`it_<time>_<random>`) in
 * the portal database, dropped afterwards, so runs never see each other's rows or the dev BFF's.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, describeDbError, redactUrl, type PortalDb } from '../../src/db/db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/** The devstack's portal database by default; `devstack test` passes the one it brought up. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bdms_portal';

export interface ScratchDb extends PortalDb {
  /** Drops the schema with everything in it, then closes the pool. */
  drop(): Promise<void>;
}

/** The creation time (base 36) lets a later run sweep what a crashed one left behind. */
const SCRATCH = /^it_([0-9a-z]+)_[0-9a-f]{8}$/;
const newSchemaName = (): string =>
  `it_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/** A new schema; or a second pool on an existing one (a second BFF replica). */
export function scratchDb(schema = newSchemaName()): ScratchDb {
  const portal = createDb({ url: TEST_DATABASE_URL, schema, maxConnections: 4 });
  return {
    ...portal,
    drop: async () => {
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(portal.db);
      } finally {
        await portal.close();
      }
    },
  };
}

export async function migratedScratchDb(): Promise<ScratchDb> {
  const scratch = scratchDb();
  await migrateToLatest(scratch.db, scratch.schema);
  return scratch;
}

async function query(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Drops scratch schemas older than a day: left by runs killed before their cleanup. */
export async function dropStaleScratchSchemas(maxAgeMs = 86_400_000): Promise<void> {
  const rows = await query(
    TEST_DATABASE_URL,
    "select nspname from pg_namespace where nspname like 'it\\_%'",
  );
  for (const name of rows.map((r) => String(r.nspname))) {
    const born = SCRATCH.exec(name)?.[1];
    if (born && Date.now() - parseInt(born, 36) > maxAgeMs)
      await query(TEST_DATABASE_URL, `drop schema if exists ${pg.escapeIdentifier(name)} cascade`);
  }
}

/**
 * Undefined when the test database answers (created first if the server has none by that name,
 * as the devstack would); else what is wrong and what to do. Callers fail on it, never skip:
 * PostgreSQL is part of every machine these tests run on, CI included.
 */
export async function testDatabaseProblem(): Promise<string | undefined> {
  try {
    await query(TEST_DATABASE_URL, 'select 1');
    return undefined;
  } catch (error) {
    const missing = (error as { code?: string }).code === '3D000';
    const failure = missing ? await createTestDatabase().catch((e: unknown) => e) : error;
    if (failure === undefined) return undefined;
    return (
      `PostgreSQL at ${redactUrl(TEST_DATABASE_URL)} is not usable (${describeDbError(failure)}).\n` +
      'Start it (pnpm start brings up the devstack), or set TEST_DATABASE_URL.'
    );
  }
}

/** From the server's maintenance database, as the devstack does. */
async function createTestDatabase(): Promise<undefined> {
  const url = new URL(TEST_DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  await query(url.href, `create database ${pg.escapeIdentifier(name)}`);
  return undefined;
}
