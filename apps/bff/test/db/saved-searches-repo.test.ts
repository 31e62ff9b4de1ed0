import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSavedSearchRepo,
  type NewSavedSearchRecord,
  type SavedSearchOwner,
  type SavedSearchRepo,
} from '../../src/saved-searches/saved-searches.repo.ts';
import { migratedScratchDb, type ScratchDb } from './scratch-db.ts';

let scratch: ScratchDb;
let repo: SavedSearchRepo;
beforeAll(async () => {
  scratch = await migratedScratchDb();
  repo = createSavedSearchRepo(scratch.db);
});
afterAll(async () => {
  await scratch.drop();
});
beforeEach(async () => {
  await scratch.db.deleteFrom('saved_search').execute();
});

const ISS = 'http://127.0.0.1:4400/';
const alice: SavedSearchOwner = { sub: 'sub-alice', iss: ISS };
const bob: SavedSearchOwner = { sub: 'sub-bob', iss: ISS };
/** The same subject at another issuer is another person. */
const aliceElsewhere: SavedSearchOwner = { sub: 'sub-alice', iss: 'https://other-idp.example/' };
const MISSING = '00000000-0000-4000-8000-000000000000';

const entry = (name: string): NewSavedSearchRecord => ({
  name,
  query: { scopes: ['acada'], groups: [[{ key: 'obs_id', op: '>=', value: '2000000001' }]] },
  filter: 'obs_id>=2000000001',
});
const saved = async (owner: SavedSearchOwner, name: string) => {
  const result = await repo.create(owner, entry(name), 500);
  if (!result.ok) throw new Error(`not saved: ${result.reason}`);
  return result.saved;
};

describe('SavedSearchRepo on PostgreSQL', () => {
  it('when a search is saved, then it reads back whole (JSON query, filter, times, no run yet)', async () => {
    const t0 = Date.now();
    const one = await saved(alice, 'Crab, north');
    expect(one).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      ...entry('Crab, north'),
      createdAt: expect.any(Date) as unknown,
      updatedAt: one.createdAt,
      lastRun: undefined,
    });
    expect(Math.abs(one.createdAt.getTime() - t0)).toBeLessThan(60_000);
    expect(await repo.get(alice, one.id)).toEqual(one);
    expect(await repo.list(alice)).toEqual([one]);
  });

  it('when listing, then only the owner’s come back, newest first', async () => {
    const older = await saved(alice, 'older');
    await saved(bob, 'bob’s');
    const newer = await saved(alice, 'newer');
    await sql`update saved_search set created_at = now() - interval '1 day' where id = ${older.id}`.execute(
      scratch.db,
    );
    expect((await repo.list(alice)).map((s) => s.name)).toEqual([newer.name, older.name]);
    expect((await repo.list(bob)).map((s) => s.name)).toEqual(['bob’s']);
    expect(await repo.list(aliceElsewhere)).toEqual([]);
  });

  it('when another owner (or the same sub at another issuer) asks for an id, then it does not exist for them', async () => {
    const mine = await saved(alice, 'mine');
    for (const other of [bob, aliceElsewhere]) {
      expect(await repo.get(other, mine.id)).toBeUndefined();
      expect(await repo.rename(other, mine.id, 'taken over')).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect(await repo.recordRun(other, mine.id, { count: 1, complete: true })).toBeUndefined();
      expect(await repo.remove(other, mine.id)).toBeUndefined();
    }
    expect(await repo.get(alice, mine.id)).toEqual(mine);
  });

  it('when an id is unknown or not a uuid at all, then it is simply not found', async () => {
    expect(await repo.get(alice, MISSING)).toBeUndefined();
    expect(await repo.get(alice, 'not-a-uuid')).toBeUndefined();
    expect(await repo.remove(alice, "1' or '1'='1")).toBeUndefined();
    expect(await repo.rename(alice, 'x', 'y')).toEqual({ ok: false, reason: 'not_found' });
  });

  it('when a name is taken by the same owner in any case, then the save and the rename are refused', async () => {
    const first = await saved(alice, 'Crab Nebula');
    const second = await saved(alice, 'Vela');
    expect(await repo.create(alice, entry('crab nebula'), 500)).toEqual({
      ok: false,
      reason: 'duplicate_name',
    });
    expect(await repo.rename(alice, second.id, 'CRAB NEBULA')).toEqual({
      ok: false,
      reason: 'duplicate_name',
    });
    // Other owners may use the name; the owner may change the case of their own.
    await saved(bob, 'crab nebula');
    const recased = await repo.rename(alice, first.id, 'crab nebula');
    expect(recased).toMatchObject({ ok: true, previousName: 'Crab Nebula' });
    expect((await repo.get(alice, second.id))?.name).toBe('Vela');
  });

  it('when renamed, then the name and updated_at change, nothing else', async () => {
    const one = await saved(alice, 'before');
    await sql`update saved_search set created_at = created_at - interval '1 hour', updated_at = updated_at - interval '1 hour'`.execute(
      scratch.db,
    );
    const aged = await repo.get(alice, one.id);
    const result = await repo.rename(alice, one.id, 'after');
    if (!result.ok) throw new Error(result.reason);
    expect(result.previousName).toBe('before');
    expect(result.saved).toEqual({ ...aged, name: 'after', updatedAt: result.saved.updatedAt });
    expect(result.saved.updatedAt.getTime()).toBeGreaterThan(aged!.updatedAt.getTime());
  });

  it('when a run is recorded, then the last run holds its time, count and completeness', async () => {
    const one = await saved(alice, 'runs');
    const first = await repo.recordRun(alice, one.id, { count: 123_456_789_012, complete: false });
    expect(first?.lastRun).toEqual({
      at: expect.any(Date) as unknown,
      count: 123_456_789_012,
      complete: false,
    });
    const second = await repo.recordRun(alice, one.id, { count: 0, complete: true });
    expect(second?.lastRun).toMatchObject({ count: 0, complete: true });
    expect(second?.lastRun?.at.getTime()).toBeGreaterThanOrEqual(first!.lastRun!.at.getTime());
    expect(second?.updatedAt).toEqual(one.updatedAt); // a run does not change the definition
  });

  it('when deleted, then it is gone and the deleted row is returned once', async () => {
    const one = await saved(alice, 'gone');
    expect(await repo.remove(alice, one.id)).toEqual(one);
    expect(await repo.remove(alice, one.id)).toBeUndefined();
    expect(await repo.list(alice)).toEqual([]);
  });

  it('when the owner has the most allowed, then one more is refused, also when saved in parallel', async () => {
    await Promise.all(['a', 'b', 'c'].map((n) => saved(alice, n)));
    expect(await repo.create(alice, entry('d'), 3)).toEqual({ ok: false, reason: 'limit_reached' });
    await saved(bob, 'd'); // per owner
    await scratch.db.deleteFrom('saved_search').execute();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => repo.create(alice, entry(`p${i}`), 5)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'limit_reached')).toHaveLength(3);
    expect(await repo.list(alice)).toHaveLength(5);
  });

  it('when the same name is saved twice at once, then exactly one save wins', async () => {
    const results = await Promise.all([1, 2, 3].map(() => repo.create(alice, entry('race'), 500)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'duplicate_name' },
      { ok: false, reason: 'duplicate_name' },
    ]);
  });

  it('when rows break the table’s rules, then PostgreSQL refuses them', async () => {
    const insert = (columns: string, values: string) =>
      sql
        .raw(
          `insert into saved_search (owner_sub, owner_iss, name, query, filter_text${columns}) values ('s', 'i', ${values})`,
        )
        .execute(scratch.db);
    await expect(insert('', `'', '{}', ''`)).rejects.toThrow(/saved_search_name_check/);
    await expect(insert('', `'${'x'.repeat(121)}', '{}', ''`)).rejects.toThrow(/name_check/);
    await expect(insert('', `'n', '[]', ''`)).rejects.toThrow(/saved_search_query_check/);
    await expect(insert(', last_count', `'n', '{}', '', 3`)).rejects.toThrow(
      /saved_search_last_run_check/,
    );
    await expect(
      insert(', last_run_at, last_count, last_complete', `'n', '{}', '', now(), -1, true`),
    ).rejects.toThrow(/saved_search_last_count_check/);
  });
});
