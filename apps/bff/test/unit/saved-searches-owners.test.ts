import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { ALICE_CLAIMS, makeApp, stubOidc } from './helpers.ts';
import { memorySavedSearches } from './memory-saved-searches.ts';
import { CRAB, savedSearchClient } from './saved-searches-client.ts';

const BOB_CLAIMS = { ...ALICE_CLAIMS, sub: 'sub-of-bob', preferred_username: 'bob' };

/** Alice and Bob on two BFF replicas sharing one store of saved searches. */
async function aliceAndBob() {
  const shared = memorySavedSearches();
  const alice = await savedSearchClient(makeApp({ savedSearches: shared }));
  const bobApp = makeApp({ savedSearches: shared, oidc: stubOidc({ claims: BOB_CLAIMS }) });
  const bob = await savedSearchClient(bobApp);
  return { shared, alice, bob, bobApp };
}

describe('saved searches belong to one user', () => {
  it('when another user uses an id, then every route answers 404 as for an unknown id', async () => {
    const { alice, bob, bobApp } = await aliceAndBob();
    const { body: mine } = await alice.create({ name: 'mine', query: CRAB });
    const id = mine.id as string;
    for (const res of [
      await bob.get(id),
      await bob.rename(id, { name: 'taken over' }),
      await bob.run(id, { count: 1, complete: true }),
      await bob.remove(id),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found' });
      expect(res.body.error.message).toBe('You have no saved search with this id.');
    }
    expect((await bob.list()).body.savedSearches).toEqual([]);
    expect((await alice.get(id)).body).toEqual(mine);
    expect(bobApp.audit.entries.map((e) => e.action)).toEqual(['sign_in']);
  });

  it('when two users pick the same name, then both are saved', async () => {
    const { alice, bob } = await aliceAndBob();
    expect((await alice.create({ name: 'Crab', query: CRAB })).status).toBe(201);
    expect((await bob.create({ name: 'crab', query: CRAB })).status).toBe(201);
  });

  it('when a user keeps the most allowed, then one more is refused with 409 saying why', async () => {
    const { shared, alice, bob } = await aliceAndBob();
    await alice.create({ name: 'first', query: CRAB });
    const [first] = shared.rows;
    for (let i = 1; i < 500; i++)
      shared.rows.push({ ...first!, id: crypto.randomUUID(), name: `n${i}` });
    const res = await alice.create({ name: 'one too many', query: CRAB });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict' });
    expect(res.body.error.message).toMatch(/You have 500 saved searches.*Delete some/);
    expect((await bob.create({ name: 'one too many', query: CRAB })).status).toBe(201);
  });
});

describe('saved searches and CSRF', () => {
  it('when a change comes without X-CSRF or from another origin, then 403 and nothing changes', async () => {
    const t = makeApp();
    const alice = await savedSearchClient(t);
    const { body: saved } = await alice.create({ name: 'kept', query: CRAB });
    const attempts = [
      request(t.app).post('/api/saved-searches').send({ name: 'x', query: CRAB }),
      request(t.app).delete(`/api/saved-searches/${saved.id as string}`),
      request(t.app)
        .patch(`/api/saved-searches/${saved.id as string}`)
        .send({ name: 'y' }),
      request(t.app)
        .post(`/api/saved-searches/${saved.id as string}/runs`)
        .set('X-CSRF', '1')
        .set('Origin', 'https://evil.example')
        .send({ count: 1, complete: true }),
    ];
    for (const attempt of attempts) {
      const res = await attempt.set('Cookie', alice.cookie);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('csrf_rejected');
    }
    expect((await alice.list()).body.savedSearches).toEqual([saved]);
  });
});

describe('a saved query that no longer validates', () => {
  it('when it fails today’s checks, then it is still listed, with its problems for text mode', async () => {
    const t = makeApp();
    const alice = await savedSearchClient(t);
    await alice.create({ name: 'old', query: CRAB });
    const old = { ...CRAB, groups: [[{ key: 'obs_id', op: '=~', value: '1' }]] };
    t.savedSearches.rows[0]!.query = old;
    const { body } = await alice.list();
    expect(body.savedSearches[0]).toMatchObject({
      name: 'old',
      query: old,
      filter: 'obs_id>=2000000001',
      problems: [
        { path: ['groups', 0, 0, 'op'], field: 'groups.0.0.op', problem: 'unknown_operator' },
      ],
    });
    // Renaming and recording runs still work on it.
    const id = body.savedSearches[0].id as string;
    expect((await alice.rename(id, { name: 'older' })).status).toBe(200);
    expect((await alice.run(id, { count: 0, complete: false })).status).toBe(200);
  });

  it('when it no longer has the shape of a query, then it comes without query, with the shape problem', async () => {
    const t = makeApp();
    const alice = await savedSearchClient(t);
    const { body: created } = await alice.create({ name: 'ancient', query: CRAB });
    t.savedSearches.rows[0]!.query = { scope: 'acada', filter: 'obs_id>=1' };
    const res = await alice.get(created.id as string);
    expect(res.status).toBe(200);
    expect(res.body.query).toBeUndefined();
    expect(res.body.filter).toBe('obs_id>=2000000001'); // the text as saved
    expect(res.body.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'scopes', problem: 'bad_shape' })]),
    );
  });
});

describe('saved searches and the audit trail', () => {
  it('when the audit write fails, then the change still happens and the row is logged', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        cb();
      },
    });
    const t = makeApp({ logger: createLogger({ logLevel: 'error' }, sink) });
    const alice = await savedSearchClient(t);
    t.audit.failing = true;
    const res = await alice.create({ name: 'unaudited', query: CRAB });
    expect(res.status).toBe(201);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'audit: the saved_search_create row could not be written',
        audit: expect.objectContaining({
          target: res.body.id,
          after: { name: 'unaudited' },
        }) as unknown,
      }),
    ]);
  });
});
