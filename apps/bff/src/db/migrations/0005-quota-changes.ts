import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The audit trail of account-limit changes (issue 9, item 5): one row per change the portal sent
 * to Rucio or refused, with typed columns the quota console filters on. A row is written as
 * `pending` before Rucio is asked and settled (accepted / refused) when it answers, so a change
 * Rucio accepted is never missing even if the BFF stops in between. Limits are text: digits (exact
 * up to 1 EB, beyond JavaScript's safe integers), `unlimited`, or NULL for no limit.
 */
export const quotaChanges: Migration = {
  async up(db: Kysely<unknown>) {
    const limit = (column: string) =>
      sql`${sql.ref(column)} is null or ${sql.ref(column)} ~ '^(unlimited|[0-9]{1,19})$'`;
    await db.schema
      .createTable('quota_change')
      .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('actor_sub', 'text', (c) => c.notNull())
      .addColumn('actor_username', 'text')
      .addColumn('actor_account', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('set', 'delete')`))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('local', 'global')`))
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('rse', 'text')
      .addColumn('expression', 'text')
      .addColumn('resolved_rses', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('before_limit', 'text', (c) => c.check(limit('before_limit')))
      .addColumn('after_limit', 'text', (c) => c.check(limit('after_limit')))
      .addColumn('result', 'text', (c) =>
        c.notNull().check(sql`result in ('pending', 'accepted', 'refused', 'unchanged')`),
      )
      .addColumn('message', 'text')
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('batch_id', 'uuid')
      .addCheckConstraint(
        'quota_change_target_check',
        sql`(kind = 'local' and rse is not null and expression is null) or (kind = 'global' and expression is not null and rse is null)`,
      )
      .execute();
    // Newest first; the id breaks ties and is the paging cursor.
    await db.schema
      .createIndex('quota_change_at_idx')
      .on('quota_change')
      .columns(['at desc', 'id desc'])
      .execute();
    await db.schema
      .createIndex('quota_change_account_idx')
      .on('quota_change')
      .columns(['account', 'at desc'])
      .execute();
    await db.schema
      .createIndex('quota_change_rses_idx')
      .on('quota_change')
      .using('gin')
      .column('resolved_rses')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('quota_change').execute();
  },
};
