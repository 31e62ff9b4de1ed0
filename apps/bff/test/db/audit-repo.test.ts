import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuditRepo, type AuditRepo, type NewAuditEntry } from '../../src/audit/audit.repo.ts';
import { migratedScratchDb, type ScratchDb } from './scratch-db.ts';

let scratch: ScratchDb;
let audit: AuditRepo;
beforeAll(async () => {
  scratch = await migratedScratchDb();
  audit = createAuditRepo(scratch.db);
});
afterAll(async () => {
  await scratch.drop();
});
beforeEach(async () => {
  await scratch.db.deleteFrom('audit_log').execute();
});

const alice = { sub: 'sub-alice', username: 'alice', account: 'alice' };
const oscar = { sub: 'sub-oscar', username: 'oscar', account: 'ctaoadmin' };
const signIn = (actor = alice): NewAuditEntry => ({ actor, action: 'sign_in', result: 'ok' });

describe('AuditRepo on PostgreSQL', () => {
  it('when an entry is recorded, then it reads back whole: ids, time, JSON values (arrays too)', async () => {
    const t0 = Date.now();
    const entry: NewAuditEntry = {
      actor: oscar,
      action: 'sign_out',
      target: 'DESY-ZN-DISK',
      before: { bytes: 100, rses: ['A', 'B'] },
      after: ['only', 'an', 'array'],
      result: 'refused',
      requestId: 'req-1',
      details: { reason: 'quota', nested: { ok: false, n: null } },
    };
    const saved = await audit.record(entry);
    expect(saved).toMatchObject(entry);
    expect(saved.id).toMatch(/^\d+$/);
    expect(Math.abs(saved.at.getTime() - t0)).toBeLessThan(60_000);
    const { entries } = await audit.list({}, { limit: 10 });
    expect(entries).toEqual([saved]);
  });

  it('when optional fields are left out, then they read back as absent, not null', async () => {
    const saved = await audit.record(signIn({ sub: 'sub-only', username: 'x', account: 'y' }));
    const bare = await audit.record({
      actor: { sub: 'sub-only' },
      action: 'sign_in',
      result: 'ok',
    });
    expect(saved.actor).toEqual({ sub: 'sub-only', username: 'x', account: 'y' });
    expect(bare).toEqual({
      id: bare.id,
      at: bare.at,
      actor: { sub: 'sub-only', username: undefined, account: undefined },
      action: 'sign_in',
      target: undefined,
      before: undefined,
      after: undefined,
      result: 'ok',
      requestId: undefined,
      details: undefined,
    });
  });

  it('when listing with filters, then only matching entries come back, newest first', async () => {
    await audit.record(signIn(alice));
    await audit.record({ ...signIn(oscar), target: 'alice', result: 'failed' });
    await audit.record({ actor: alice, action: 'sign_out', result: 'ok' });
    const actions = async (filter: Parameters<AuditRepo['list']>[0]) =>
      (await audit.list(filter, { limit: 10 })).entries.map((e) => `${e.actor.sub}:${e.action}`);
    expect(await actions({})).toEqual([
      'sub-alice:sign_out',
      'sub-oscar:sign_in',
      'sub-alice:sign_in',
    ]);
    expect(await actions({ actorSub: 'sub-alice' })).toEqual([
      'sub-alice:sign_out',
      'sub-alice:sign_in',
    ]);
    expect(await actions({ actorAccount: 'ctaoadmin' })).toEqual(['sub-oscar:sign_in']);
    expect(await actions({ action: 'sign_out' })).toEqual(['sub-alice:sign_out']);
    expect(await actions({ target: 'alice' })).toEqual(['sub-oscar:sign_in']);
    expect(await actions({ result: 'failed' })).toEqual(['sub-oscar:sign_in']);
    expect(await actions({ actorSub: 'sub-alice', action: 'sign_in' })).toEqual([
      'sub-alice:sign_in',
    ]);
  });

  it('when listing a time window, then since is inclusive and until exclusive', async () => {
    const at = (iso: string) =>
      sql`insert into audit_log (at, actor_sub, action, result) values (${iso}, 's', ${iso}, 'ok')`.execute(
        scratch.db,
      );
    for (const iso of ['2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z', '2025-01-03T00:00:00Z'])
      await at(iso);
    const { entries } = await audit.list(
      { since: new Date('2025-01-02T00:00:00Z'), until: new Date('2025-01-03T00:00:00Z') },
      { limit: 10 },
    );
    expect(entries.map((e) => e.action)).toEqual(['2025-01-02T00:00:00Z']);
  });

  it('when paging, then every entry comes exactly once, even with new ones arriving in between', async () => {
    for (let i = 1; i <= 5; i++) await audit.record({ ...signIn(), target: `t${i}` });
    const targets: (string | undefined)[] = [];
    let page = await audit.list({}, { limit: 2 });
    targets.push(...page.entries.map((e) => e.target));
    await audit.record({ ...signIn(), target: 'late' }); // newer than the cursor: not in later pages
    while (page.nextCursor) {
      page = await audit.list({}, { limit: 2, cursor: page.nextCursor });
      targets.push(...page.entries.map((e) => e.target));
    }
    expect(targets).toEqual(['t5', 't4', 't3', 't2', 't1']);
    // A full last page says there is no more.
    expect((await audit.list({}, { limit: 6 })).nextCursor).toBeUndefined();
  });

  it('when rows share one timestamp (one transaction), then paging still orders them by id', async () => {
    await scratch.db.transaction().execute(async (trx) => {
      const same = createAuditRepo(trx);
      for (let i = 1; i <= 3; i++) await same.record({ ...signIn(), target: `t${i}` });
    });
    const first = await audit.list({}, { limit: 1 });
    const rest = await audit.list({}, { limit: 5, cursor: first.nextCursor });
    expect([...first.entries, ...rest.entries].map((e) => e.target)).toEqual(['t3', 't2', 't1']);
  });

  it('when a page size or cursor is out of range, then it is refused before any query', async () => {
    await expect(audit.list({}, { limit: 0 })).rejects.toThrow(RangeError);
    await expect(audit.list({}, { limit: 501 })).rejects.toThrow(RangeError);
    await expect(audit.list({}, { limit: 1, cursor: '1 or 1=1' })).rejects.toThrow(RangeError);
  });

  it('when a result outside ok/refused/failed reaches the table, then PostgreSQL refuses it', async () => {
    const bad = { ...signIn(), result: 'maybe' } as unknown as NewAuditEntry;
    await expect(audit.record(bad)).rejects.toThrow(/audit_log_result_check|check constraint/);
  });

  it('then the trail is append-only for the type checker too', () => {
    // Never called: the point is that these lines do not compile.
    const attempts = () => {
      const [update, insert] = [
        scratch.db.updateTable('audit_log'),
        scratch.db.insertInto('audit_log'),
      ];
      // @ts-expect-error -- no column of audit_log can be updated
      update.set({ action: 'sign_out' });
      // @ts-expect-error -- the id is generated by PostgreSQL
      insert.values({ id: '1', actor_sub: 's', action: 'a', result: 'ok' });
    };
    expect(typeof attempts).toBe('function');
  });
});
