import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser, type DemoUser } from '@bdms/dev-fixtures';
import { login, startBff, type TestBff } from './bff.ts';

const [alice, oscar] = [demoUser('astronomer'), demoUser('admin')];
const CRAB = { scopes: ['acada'], groups: [[{ key: 'obs_id', op: '>=', value: '2000000001' }]] };
let bff: TestBff;

beforeAll(async () => {
  bff = await startBff();
});
afterAll(async () => {
  await bff.stop();
});

/** A signed-in user calling the BFF as the SPA does (X-CSRF and Origin on changes). */
async function as(user: DemoUser) {
  const { cookie } = await login(bff, user);
  return (method: string, path: string, body?: unknown) =>
    fetch(`${bff.url}${path}`, {
      method,
      headers: {
        Cookie: cookie,
        ...(method === 'GET' ? {} : { 'X-CSRF': '1', Origin: bff.url }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
}

describe('saved searches with the real IdP and PostgreSQL', () => {
  it('when alice saves, renames, re-runs and deletes a search, then oscar never sees it and each change is audited', async () => {
    const [aliceCalls, oscarCalls] = [await as(alice), await as(oscar)];
    const created = await aliceCalls('POST', '/api/saved-searches', { name: 'Crab', query: CRAB });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const again = await aliceCalls('POST', '/api/saved-searches', { name: 'crab', query: CRAB });
    expect(again.status).toBe(409);
    expect((await oscarCalls('GET', `/api/saved-searches/${id}`)).status).toBe(404);
    expect((await oscarCalls('DELETE', `/api/saved-searches/${id}`)).status).toBe(404);
    expect(await (await oscarCalls('GET', '/api/saved-searches')).json()).toEqual({
      savedSearches: [],
      max: 500,
    });

    const renamed = await aliceCalls('PATCH', `/api/saved-searches/${id}`, { name: 'Crab, north' });
    expect(await renamed.json()).toMatchObject({ id, name: 'Crab, north', problems: [] });
    const run = await aliceCalls('POST', `/api/saved-searches/${id}/runs`, {
      count: 42,
      complete: true,
    });
    expect(await run.json()).toMatchObject({ lastRun: { count: 42, complete: true } });
    const listed = (await (await aliceCalls('GET', '/api/saved-searches')).json()) as {
      savedSearches: unknown[];
    };
    expect(listed.savedSearches).toEqual([
      expect.objectContaining({ id, name: 'Crab, north', query: CRAB }),
    ]);

    expect((await aliceCalls('DELETE', `/api/saved-searches/${id}`)).status).toBe(204);
    expect((await aliceCalls('GET', `/api/saved-searches/${id}`)).status).toBe(404);
    const { entries } = await bff.audit.list({ actorSub: alice.sub, target: id }, { limit: 10 });
    expect(entries.map((e) => e.action)).toEqual([
      'saved_search_delete',
      'saved_search_rename',
      'saved_search_create',
    ]);
  });
});
