import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The audit trail: who did what to which target, when, and how it ended. Shaped for the quota
 * changes to come (before/after values, refusals) as much as for sign-in/out today. `action` is
 * free text (no enum type), so a new kind of event needs no migration.
 */
export const audit: Migration = {
  // Kysely<unknown>, not the app's Database: a migration must compile against any later schema.
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('actor_sub', 'text', (c) => c.notNull())
      .addColumn('actor_username', 'text')
      .addColumn('actor_account', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text')
      .addColumn('before', 'jsonb')
      .addColumn('after', 'jsonb')
      .addColumn('result', 'text', (c) =>
        c.notNull().check(sql`result in ('ok', 'refused', 'failed')`),
      )
      .addColumn('request_id', 'text')
      .addColumn('details', 'jsonb')
      .execute();
    // Newest first (the id breaks ties within one timestamp, and is the paging cursor).
    await db.schema
      .createIndex('audit_log_at_idx')
      .on('audit_log')
      .columns(['at desc', 'id desc'])
      .execute();
    await db.schema
      .createIndex('audit_log_actor_idx')
      .on('audit_log')
      .columns(['actor_sub', 'at desc'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('audit_log').execute();
  },
};
