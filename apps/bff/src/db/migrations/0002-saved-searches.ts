import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Saved searches, per user. The owner is the IdP's `sub` with its issuer (a `sub` is unique only
 * within one issuer). Names are unique per owner ignoring case. The query is jsonb as the user
 * saved it: checked for shape on the way in, validated against the catalogue on every read, so a
 * catalogue change never makes a saved search unreadable. The last run's three columns are set
 * together or not at all.
 */
export const savedSearches: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('saved_search')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('owner_sub', 'text', (c) => c.notNull())
      .addColumn('owner_iss', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 120`))
      .addColumn('query', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(query) = 'object'`))
      .addColumn('filter_text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('last_run_at', 'timestamptz')
      .addColumn('last_count', 'bigint', (c) => c.check(sql`last_count >= 0`))
      .addColumn('last_complete', 'boolean')
      .addCheckConstraint(
        'saved_search_last_run_check',
        sql`(last_run_at is null) = (last_count is null) and (last_run_at is null) = (last_complete is null)`,
      )
      .execute();
    await db.schema
      .createIndex('saved_search_owner_name_key')
      .on('saved_search')
      .unique()
      .column('owner_iss')
      .column('owner_sub')
      .column(sql`lower(name)`)
      .execute();
    // Listing (newest first) and counting one owner's searches.
    await db.schema
      .createIndex('saved_search_owner_idx')
      .on('saved_search')
      .columns(['owner_iss', 'owner_sub', 'created_at desc', 'id desc'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('saved_search').execute();
  },
};
