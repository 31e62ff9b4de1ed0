import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { scratchDb, type ScratchDb } from './scratch-db.ts';

const opened: ScratchDb[] = [];
const fresh = (): ScratchDb => {
  const s = scratchDb();
  opened.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.drop()));
});

async function relations(s: ScratchDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${s.schema} and c.relkind in ('r', 'i') order by 1`.execute(s.db);
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  it('when the schema is empty, then every migration applies, in order, into that schema', async () => {
    const s = fresh();
    expect(await migrateToLatest(s.db, s.schema)).toEqual(Object.keys(migrations).sort());
    expect(await relations(s)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'audit_log_actor_idx',
        'audit_log_at_idx',
        'kysely_migration',
        'kysely_migration_lock',
        'saved_search',
        'saved_search_owner_idx',
        'saved_search_owner_name_key',
        'saved_search_pkey',
      ]),
    );
  });

  it('when they ran already, then a second run applies nothing and changes nothing', async () => {
    const s = fresh();
    await migrateToLatest(s.db, s.schema);
    const before = await relations(s);
    expect(await migrateToLatest(s.db, s.schema)).toEqual([]);
    expect(await relations(s)).toEqual(before);
  });

  it('when another schema of the same database is migrated, then this one still starts from empty', async () => {
    // Kysely looks for its bookkeeping table in every schema unless told which one.
    const [a, b] = [fresh(), fresh()];
    expect(await migrateToLatest(a.db, a.schema)).toHaveLength(Object.keys(migrations).length);
    expect(await migrateToLatest(b.db, b.schema)).toHaveLength(Object.keys(migrations).length);
  });

  it('when two BFF replicas start at once, then the migrations apply exactly once', async () => {
    const first = fresh();
    const replica = scratchDb(first.schema); // its own pool on the same schema
    try {
      const runs = await Promise.all([
        migrateToLatest(first.db, first.schema),
        migrateToLatest(replica.db, replica.schema),
      ]);
      expect(runs.flat().sort()).toEqual(Object.keys(migrations).sort());
    } finally {
      await replica.close();
    }
  });
});
