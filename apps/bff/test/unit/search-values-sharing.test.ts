import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { api } from '@bdms/contract';
import { createValuesService } from '../../src/search/values.service.ts';
import { login, makeApp } from './helpers.ts';
import { didsWith, fakeArchive } from './values-fakes.ts';

/*
 * The archive's values of a key shared between askers and cached, and the route that serves them
 * (GET /api/search/values), over the stand-in for Rucio's search (values-fakes.ts); the listing
 * itself is tested in search-values.test.ts.
 */

const live = () => new AbortController().signal;

describe('sharing and caching a listing', () => {
  const dids = didsWith('site', ['CTAO-North', 'CTAO-South']);

  it('when several users ask at once, then one listing serves them all; later asks come from the cache', async () => {
    const archive = fakeArchive(dids, { delayMs: 5 });
    const service = createValuesService({ rucio: archive.stub.rucio, referenceCacheMs: 60_000 });
    const answers = await Promise.all([
      service.list('alice-token', 'acada', 'site', live()),
      service.list('bob-token', 'acada', 'site', live()),
    ]);
    expect(answers[0]).toEqual(answers[1]);
    expect(archive.searches).toHaveLength(5);
    await service.list('carol-token', 'acada', 'site', live());
    expect(archive.searches).toHaveLength(5);
    await service.list('carol-token', 'acada', 'data_level', live());
    expect(archive.searches).toHaveLength(6);
  });

  it('when the only asker goes away, then the listing’s Rucio calls are aborted and nothing is cached', async () => {
    const archive = fakeArchive(dids, { delayMs: 20 });
    const service = createValuesService({ rucio: archive.stub.rucio, referenceCacheMs: 60_000 });
    const gone = new AbortController();
    const asked = service.list('tok', 'acada', 'site', gone.signal);
    await new Promise((r) => setTimeout(r, 5));
    gone.abort();
    await expect(asked).rejects.toThrow();
    expect(archive.searches[0]?.signal?.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 40));
    const calls = archive.searches.length;
    expect((await service.list('tok', 'acada', 'site', live())).values).toHaveLength(2);
    expect(archive.searches.length).toBeGreaterThan(calls);
  });

  it('when one of two askers goes away, then the other still gets the whole listing', async () => {
    const archive = fakeArchive(dids, { delayMs: 10 });
    const service = createValuesService({ rucio: archive.stub.rucio, referenceCacheMs: 60_000 });
    const gone = new AbortController();
    const leaving = service.list('a', 'acada', 'site', gone.signal);
    const staying = service.list('b', 'acada', 'site', live());
    gone.abort();
    await expect(leaving).rejects.toThrow();
    expect(await staying).toMatchObject({ values: ['CTAO-North', 'CTAO-South'], complete: true });
    expect(archive.searches.some((s) => s.signal?.aborted)).toBe(false);
  });
});

describe('GET /api/search/values', () => {
  async function get(query: Record<string, string>) {
    const archive = fakeArchive(didsWith('site', ['CTAO-South', 'CTAO-North']));
    const t = makeApp({ rucio: archive.stub });
    const { sessionCookie } = await login(t);
    const res = await request(t.app)
      .get('/api/search/values')
      .query(query)
      .set('Cookie', sessionCookie);
    return { res, archive };
  }

  it('when a signed-in user asks for the sites of a scope, then the archive’s sites come back as the contract says', async () => {
    const { res } = await get({ scope: 'acada', key: 'site' });
    expect(res.status).toBe(200);
    const body = api.searchValues.response.parse(res.body);
    expect(body).toMatchObject({
      scope: 'acada',
      key: 'site',
      values: ['CTAO-North', 'CTAO-South'],
      complete: true,
    });
    expect(Date.parse(body.computedAt)).not.toBeNaN();
  });

  it.each([
    ['obs_id', /obs_id holds numbers/],
    ['start_time', /start_time holds datetime values/],
    ['name', /name is not JSON metadata/],
    ['site.gt', /is no metadata key/],
  ])(
    'when the key is %s, then 400 names the field and why, and Rucio is not asked',
    async (key, why) => {
      const { res, archive } = await get({ scope: 'acada', key });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'bad_request' } });
      const message = (res.body as { error: { message: string } }).error.message;
      expect(message).toContain('query.key');
      expect(message).toMatch(why);
      expect(archive.searches).toHaveLength(0);
    },
  );

  it('when the scope is missing or no scope name, then 400 names it', async () => {
    for (const query of [{ key: 'site' }, { scope: '..', key: 'site' }] as Record<
      string,
      string
    >[]) {
      const { res } = await get(query);
      expect(res.status).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toContain('query.scope');
    }
  });

  it('when nobody is signed in, then 401', async () => {
    const t = makeApp();
    const res = await request(t.app)
      .get('/api/search/values')
      .query({ scope: 'acada', key: 'site' });
    expect(res.status).toBe(401);
  });
});
