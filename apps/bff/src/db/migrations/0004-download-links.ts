import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Signed download links: one row per link, so that its owner can list and revoke it and every use
 * is counted (each use is also in the audit trail). The URL carries a JWT naming this row; the
 * row holds what the link serves: the file's record and the replicas Rucio listed when the link
 * was made (a link is used without a session, so Rucio is not asked again then).
 */
export const downloadLinks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('download_link')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('owner_sub', 'text', (c) => c.notNull())
      .addColumn('owner_iss', 'text', (c) => c.notNull())
      .addColumn('owner_username', 'text')
      .addColumn('scope', 'text', (c) =>
        c.notNull().check(sql`char_length(scope) between 1 and 25`),
      )
      .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 500`))
      .addColumn('file', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(file) = 'object'`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('uses', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`uses >= 0`),
      )
      .addColumn('last_used_at', 'timestamptz')
      .addCheckConstraint('download_link_expiry_check', sql`expires_at > created_at`)
      .execute();
    // One owner's links, newest first.
    await db.schema
      .createIndex('download_link_owner_idx')
      .on('download_link')
      .columns(['owner_iss', 'owner_sub', 'created_at desc'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('download_link').execute();
  },
};
