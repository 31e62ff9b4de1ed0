import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ALICE_CLAIMS, makeApp } from './helpers.ts';
import { CRAB, savedSearchClient } from './saved-searches-client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('saved searches: save, list, open', () => {
  it('when a search is saved, then 201 with its Location, the filter text and no problems', async () => {
    const t = makeApp();
    const alice = await savedSearchClient(t);
    const res = await alice.create({ name: '  Crab, north  ', query: CRAB });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID) as unknown,
      name: 'Crab, north',
      query: CRAB,
      filter: 'obs_id>=2000000001',
      problems: [],
      createdAt: expect.any(String) as unknown,
      updatedAt: res.body.createdAt as unknown,
      lastRun: null,
    });
    expect(res.headers.location).toBe(`/api/saved-searches/${res.body.id as string}`);
    expect((await alice.get(res.body.id as string)).body).toEqual(res.body);
    expect((await alice.list()).body).toEqual({ savedSearches: [res.body], max: 500 });
    expect(t.savedSearches.rows[0]?.owner).toEqual({
      sub: ALICE_CLAIMS.sub,
      iss: 'http://idp.test/',
    });
  });

  it('when several are saved, then the list is newest first', async () => {
    const t = makeApp();
    const alice = await savedSearchClient(t);
    for (const name of ['first', 'second', 'third']) await alice.create({ name, query: CRAB });
    t.savedSearches.rows.forEach((row, i) => (row.createdAt = new Date(Date.UTC(2026, 0, i + 1))));
    const { body } = await alice.list();
    expect(
      (body as { savedSearches: { name: string }[] }).savedSearches.map((s) => s.name),
    ).toEqual(['third', 'second', 'first']);
  });

  it('when the new query would be refused by the search, then 400 names the field and nothing is saved', async () => {
    const t = makeApp();
    const alice = await savedSearchClient(t);
    const bad = { ...CRAB, groups: [[{ key: 'obs_id', op: '>=', value: 'yesterday' }]] };
    const res = await alice.create({ name: 'bad', query: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/^Invalid body\.query\.groups\.0\.0\.value: /);
    expect(res.body.error.details.problems[0]).toMatchObject({ field: 'groups.0.0.value' });
    const noScope = await alice.create({ name: 'bad', query: { ...CRAB, scopes: [] } });
    expect(noScope.body.error.message).toMatch(/body\.query\.scopes: choose at least one scope/);
    expect(t.savedSearches.rows).toEqual([]);
    expect(t.audit.entries.filter((e) => e.action !== 'sign_in')).toEqual([]);
  });

  it('when the body has the wrong shape or a bad name, then 400 names the field', async () => {
    const alice = await savedSearchClient(makeApp());
    const cases: [unknown, RegExp][] = [
      [{ name: 'x' }, /body\.query/],
      [{ name: 'x', query: { ...CRAB, groups: 'obs_id>1' } }, /body\.query\.groups/],
      [{ name: '   ', query: CRAB }, /body\.name/],
      [{ name: 'x'.repeat(121), query: CRAB }, /body\.name/],
      [{ name: 'a\nb', query: CRAB }, /body\.name: must not contain control characters/],
    ];
    for (const [body, message] of cases) {
      const res = await alice.create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await alice.create({ name: 'x'.repeat(120), query: CRAB })).status).toBe(201);
  });

  it('when the name is taken, ignoring case, then 409 says so clearly', async () => {
    const alice = await savedSearchClient(makeApp());
    await alice.create({ name: 'Crab Nebula', query: CRAB });
    const res = await alice.create({ name: 'crab NEBULA', query: CRAB });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /already have a saved search named "crab NEBULA".*ignoring case/,
      ) as unknown,
      details: { field: 'name' },
    });
  });

  it('when an id is not a uuid, then 400 naming it; an unknown one, 404', async () => {
    const alice = await savedSearchClient(makeApp());
    const bad = await alice.get('..');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/path\.id/);
    expect((await alice.get('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('when not signed in, then 401 and nothing is revealed', async () => {
    const t = makeApp();
    expect((await request(t.app).get('/api/saved-searches')).status).toBe(401);
  });
});

describe('saved searches: rename, delete, record a run', () => {
  it('when renamed, then the new name comes back and the audit trail has before and after', async () => {
    const t = makeApp();
    const alice = await savedSearchClient(t);
    const { body: created } = await alice.create({ name: 'old', query: CRAB });
    const id = created.id as string;
    const res = await alice.rename(id, { name: 'new' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'new', query: CRAB });
    expect((await alice.rename(id, {})).body).toMatchObject({ name: 'new' });
    const renames = t.audit.entries.filter((e) => e.action === 'saved_search_rename');
    expect(renames).toEqual([
      expect.objectContaining({
        target: id,
        before: { name: 'old' },
        after: { name: 'new' },
        result: 'ok',
        actor: { sub: ALICE_CLAIMS.sub, username: 'alice' },
        requestId: res.headers['x-request-id'] as string,
      }),
    ]);
  });

  it('when renamed onto another of the user’s names, then 409; changing only the case is fine', async () => {
    const alice = await savedSearchClient(makeApp());
    const { body: a } = await alice.create({ name: 'Vela', query: CRAB });
    await alice.create({ name: 'Crab', query: CRAB });
    expect((await alice.rename(a.id as string, { name: 'CRAB' })).status).toBe(409);
    expect((await alice.rename(a.id as string, { name: 'VELA' })).body.name).toBe('VELA');
  });

  it('when deleted, then 204 without a body, gone from the list, audited; a second delete is 404', async () => {
    const t = makeApp();
    const alice = await savedSearchClient(t);
    const { body: created } = await alice.create({ name: 'gone', query: CRAB });
    const res = await alice.remove(created.id as string);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await alice.list()).body.savedSearches).toEqual([]);
    expect((await alice.remove(created.id as string)).status).toBe(404);
    expect(t.audit.entries.map((e) => e.action)).toEqual([
      'sign_in',
      'saved_search_create',
      'saved_search_delete',
    ]);
    expect(t.audit.entries[2]).toMatchObject({ target: created.id, before: { name: 'gone' } });
  });

  it('when a re-run is reported, then it becomes the last run, now', async () => {
    const alice = await savedSearchClient(makeApp());
    const { body: created } = await alice.create({ name: 'runs', query: CRAB });
    const before = Date.now();
    const res = await alice.run(created.id as string, { count: 104_312, complete: false });
    expect(res.status).toBe(200);
    expect(res.body.lastRun).toEqual({
      at: expect.any(String) as unknown,
      count: 104_312,
      complete: false,
    });
    expect(Date.parse(res.body.lastRun.at as string)).toBeGreaterThanOrEqual(before - 1000);
    expect((await alice.get(created.id as string)).body.lastRun).toEqual(res.body.lastRun);
    for (const bad of [{ count: -1, complete: true }, { count: 1.5, complete: true }, { count: 3 }])
      expect((await alice.run(created.id as string, bad)).status).toBe(400);
  });
});
