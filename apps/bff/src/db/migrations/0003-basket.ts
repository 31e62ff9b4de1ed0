import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The download basket: the DIDs a user collects across searches and pages, one row per user and
 * DID (the owner is the IdP's `sub` with its issuer, as for saved searches). The type is Rucio's
 * when the DID was added; sizes and replicas are asked of Rucio on every read, never stored.
 */
export const basket: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('basket_item')
      .addColumn('owner_sub', 'text', (c) => c.notNull())
      .addColumn('owner_iss', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) =>
        c.notNull().check(sql`char_length(scope) between 1 and 25`),
      )
      .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 500`))
      .addColumn('did_type', 'text', (c) =>
        c.notNull().check(sql`did_type in ('FILE', 'DATASET', 'CONTAINER')`),
      )
      .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('basket_item_pkey', ['owner_iss', 'owner_sub', 'scope', 'name'])
      .execute();
    // Listing one owner's basket newest first.
    await db.schema
      .createIndex('basket_item_owner_added_idx')
      .on('basket_item')
      .columns(['owner_iss', 'owner_sub', 'added_at desc'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('basket_item').execute();
  },
};
