import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createBasketRepo,
  type BasketOwner,
  type BasketRepo,
} from '../../src/basket/basket.repo.ts';
import { migratedScratchDb, type ScratchDb } from './scratch-db.ts';

let scratch: ScratchDb;
let repo: BasketRepo;
beforeAll(async () => {
  scratch = await migratedScratchDb();
  repo = createBasketRepo(scratch.db);
});
afterAll(async () => {
  await scratch.drop();
});
beforeEach(async () => {
  await scratch.db.deleteFrom('basket_item').execute();
});

const ISS = 'http://127.0.0.1:4400/';
const alice: BasketOwner = { sub: 'sub-alice', iss: ISS };
const bob: BasketOwner = { sub: 'sub-bob', iss: ISS };
const aliceElsewhere: BasketOwner = { sub: 'sub-alice', iss: 'https://other-idp.example/' };
const file = (i: number) => ({
  scope: 'acada',
  name: `/ctao/f${i}.fits.fz`,
  type: 'FILE' as const,
});
const ref = ({ scope, name }: { scope: string; name: string }) => ({ scope, name });

describe('BasketRepo on PostgreSQL', () => {
  it('when DIDs are added twice, then each is kept once and the second add says so', async () => {
    const first = await repo.add(alice, [file(1), file(2), file(1)], 10);
    expect(first).toEqual({ ok: true, added: [ref(file(1)), ref(file(2))], already: [], count: 2 });
    const second = await repo.add(alice, [file(2), file(3)], 10);
    expect(second).toEqual({ ok: true, added: [ref(file(3))], already: [ref(file(2))], count: 3 });
    const listed = await repo.list(alice);
    expect(listed.map((r) => r.name)).toEqual([file(3).name, file(1).name, file(2).name]);
    expect(listed[0]).toEqual({ ...file(3), addedAt: expect.any(Date) as unknown });
  });

  it('when an add would pass the cap, then nothing of it is added', async () => {
    await repo.add(alice, [file(1), file(2)], 3);
    expect(await repo.add(alice, [file(1), file(3), file(4)], 3)).toEqual({
      ok: false,
      reason: 'limit_reached',
      count: 2,
      adding: 2,
    });
    expect(await repo.count(alice)).toBe(2);
    // DIDs already in the basket do not count against the cap.
    expect(await repo.add(alice, [file(1), file(2), file(3)], 3)).toMatchObject({
      ok: true,
      count: 3,
    });
  });

  it('when two adds race at the cap, then the basket never holds more than the cap', async () => {
    const results = await Promise.all(
      [0, 1, 2, 3].map((k) => repo.add(alice, [file(10 + 2 * k), file(11 + 2 * k)], 4)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(await repo.count(alice)).toBe(4);
  });

  it('when owners differ (another user, the same sub at another issuer), then baskets are apart', async () => {
    await repo.add(alice, [file(1)], 10);
    await repo.add(bob, [file(1), file(2)], 10);
    await repo.add(aliceElsewhere, [file(3)], 10);
    expect((await repo.list(alice)).map(ref)).toEqual([ref(file(1))]);
    expect(await repo.remove(bob, [file(1)])).toEqual({ removed: [ref(file(1))], count: 1 });
    expect(await repo.count(alice)).toBe(1);
    expect(await repo.clear(alice)).toEqual([ref(file(1))]);
    expect(await repo.count(bob)).toBe(1);
    expect(await repo.count(aliceElsewhere)).toBe(1);
  });

  it('when DIDs not in the basket are removed, then nothing happens', async () => {
    await repo.add(alice, [file(1)], 10);
    expect(await repo.remove(alice, [file(2)])).toEqual({ removed: [], count: 1 });
    expect(await repo.remove(alice, [])).toEqual({ removed: [], count: 1 });
  });

  it('when a row breaks the table’s rules, then PostgreSQL refuses it (one per owner and DID)', async () => {
    const row = {
      owner_sub: 's',
      owner_iss: ISS,
      scope: 'acada',
      name: 'n',
      did_type: 'FILE' as const,
    };
    await scratch.db.insertInto('basket_item').values(row).execute();
    await expect(scratch.db.insertInto('basket_item').values(row).execute()).rejects.toMatchObject({
      code: '23505',
    });
    await expect(
      sql`insert into basket_item (owner_sub, owner_iss, scope, name, did_type) values ('s', ${ISS}, 'acada', 'm', 'ARCHIVE')`.execute(
        scratch.db,
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });
});
