import { Migrator } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { migrations } from './migrations/index.ts';

/**
 * Brings the schema up to the newest migration; returns the names it applied (none when current).
 * Several BFF replicas may start at once: Kysely serialises them with a PostgreSQL advisory lock.
 * All pending migrations run in one transaction (PostgreSQL's DDL is transactional), so a failure
 * leaves the schema exactly as it was.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, schema: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // Explicit, or Kysely would find a kysely_migration table of any other schema and trust it.
    migrationTableSchema: schema,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    // No failed migration: it broke before any ran (no connection, no rights, the lock).
    const what = failed ? `migration ${failed} failed` : 'cannot prepare the migrations';
    throw new Error(what, { cause: error });
  }
  return results.map((r) => r.migrationName);
}
