import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createQuotaAuditRepo,
  type NewQuotaChange,
  type QuotaAuditRepo,
} from '../../src/quotas/quota-audit.repo.ts';
import { migratedScratchDb, type ScratchDb } from './scratch-db.ts';

let scratch: ScratchDb;
let repo: QuotaAuditRepo;
beforeAll(async () => {
  scratch = await migratedScratchDb();
  repo = createQuotaAuditRepo(scratch.db);
});
afterAll(async () => {
  await scratch.drop();
});
beforeEach(async () => {
  await scratch.db.deleteFrom('quota_change').execute();
});

const change = (over: Partial<NewQuotaChange> = {}): NewQuotaChange => ({
  actor: { sub: 'sub-oscar', username: 'oscar', account: 'ctaoadmin' },
  action: 'set',
  kind: 'local',
  account: 'alice',
  rse: 'DESY-ZN-DISK',
  expression: null,
  resolvedRses: [],
  before: 100_000,
  after: 'unlimited',
  result: 'pending',
  message: null,
  requestId: 'req-1',
  batchId: null,
  ...over,
});
const all = { limit: 100 };

describe('the limit-change audit on PostgreSQL', () => {
  it('when a change is recorded and settled, then it reads back whole, limits exact beyond 2^53', async () => {
    const id = await repo.record(change({ after: 1e18 }));
    await repo.settle(id, 'accepted', null);
    // Settling twice changes nothing: only a pending row is settled.
    await repo.settle(id, 'refused', 'late');
    const [entry] = (await repo.list({}, all)).entries;
    expect(entry).toMatchObject({
      id,
      actor: { sub: 'sub-oscar', username: 'oscar', account: 'ctaoadmin' },
      account: 'alice',
      rse: 'DESY-ZN-DISK',
      before: 100_000,
      after: 1e18,
      result: 'accepted',
      message: null,
    });
    const raw = await sql<{ after_limit: string }>`select after_limit from quota_change`.execute(
      scratch.db,
    );
    expect(raw.rows[0]?.after_limit).toBe('1000000000000000000');
  });

  it('when filtered by RSE, then local changes there and global ones whose expression covers it come back', async () => {
    await repo.record(change({ result: 'unchanged' }));
    await repo.record(
      change({
        kind: 'global',
        rse: null,
        expression: 'OFFSITE',
        resolvedRses: ['CSCS-DISK', 'DESY-ZN-DISK'],
      }),
    );
    await repo.record(change({ rse: 'CSCS-DISK', result: 'refused', message: 'no' }));
    const ids = async (filter: Parameters<QuotaAuditRepo['list']>[0]) =>
      (await repo.list(filter, all)).entries.map((e) => e.rse ?? e.expression);
    expect(await ids({ rse: 'DESY-ZN-DISK' })).toEqual(['OFFSITE', 'DESY-ZN-DISK']);
    expect(await ids({ rse: 'CSCS-DISK' })).toEqual(['CSCS-DISK', 'OFFSITE']);
    expect(await ids({ result: 'refused' })).toEqual(['CSCS-DISK']);
    expect(await ids({ actor: 'oscar' })).toHaveLength(3);
    expect(await ids({ actor: 'ctaoadmin' })).toHaveLength(3);
    expect(await ids({ actor: 'alice' })).toHaveLength(0);
    expect(await ids({ from: new Date(Date.now() + 60_000) })).toHaveLength(0);
    expect(await ids({ to: new Date(Date.now() + 60_000) })).toHaveLength(3);
  });

  it('when paged, then keyset pages follow each other newest first without gaps or repeats', async () => {
    for (let i = 0; i < 7; i += 1) await repo.record(change({ requestId: `req-${String(i)}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await repo.list({}, { limit: 3, cursor });
      seen.push(...page.entries.map((e) => e.requestId));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['req-6', 'req-5', 'req-4', 'req-3', 'req-2', 'req-1', 'req-0']);
  });

  it('when a row names both an RSE and an expression, or a limit that is not bytes, then PostgreSQL refuses it', async () => {
    await expect(repo.record(change({ expression: 'OFFSITE' }))).rejects.toThrow(/target_check/);
    await expect(
      scratch.db
        .insertInto('quota_change')
        .values({
          actor_sub: 's',
          actor_account: 'a',
          action: 'set',
          kind: 'local',
          account: 'a',
          rse: 'R',
          after_limit: '-1',
          result: 'accepted',
          request_id: 'r',
        })
        .execute(),
    ).rejects.toThrow(/after_limit/);
  });
});
