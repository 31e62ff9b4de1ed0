import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createReferenceCache } from '../../src/lib/reference-cache.ts';
import { ALICE_CLAIMS, login, makeApp, stubOidc, stubRucio } from './helpers.ts';

describe('reference cache', () => {
  it('when identical requests arrive together, then one upstream call serves them all', async () => {
    const cache = createReferenceCache({ ttlMs: 60_000 });
    let calls = 0;
    const load = async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 20));
      return { n: calls };
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get('k|u1', load)));
    expect(calls).toBe(1);
    expect(new Set(answers.map((a) => a.n))).toEqual(new Set([1]));
    await cache.get('k|u2', load); // another user: another entry
    expect(calls).toBe(2);
    cache.invalidate('k|');
    await cache.get('k|u1', load);
    expect(calls).toBe(3);
  });

  it('when a load fails, then nothing is cached and the next call tries again', async () => {
    const cache = createReferenceCache({ ttlMs: 60_000 });
    await expect(cache.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('x', () => Promise.resolve({ ok: true }))).toEqual({ ok: true });
  });

  it('when the time is 0, then every call goes upstream', async () => {
    const cache = createReferenceCache({ ttlMs: 0 });
    let calls = 0;
    const load = () => Promise.resolve({ n: (calls += 1) });
    await cache.get('k', load);
    await cache.get('k', load);
    expect(calls).toBe(2);
  });

  it('when two users ask for scopes through the BFF, then each is served from their own entry', async () => {
    let calls = 0;
    const rucio = stubRucio({
      listScopes: () => {
        calls += 1;
        return Promise.resolve(['acada']);
      },
    });
    const alice = makeApp({ rucio });
    const a = await login(alice);
    for (let i = 0; i < 3; i++)
      await request(alice.app).get('/api/scopes').set('Cookie', a.sessionCookie);
    expect(calls).toBe(1);
    const bob = makeApp({
      rucio,
      oidc: stubOidc({ claims: { ...ALICE_CLAIMS, sub: 'another-user' } }),
    });
    const b = await login(bob);
    await request(bob.app).get('/api/scopes').set('Cookie', b.sessionCookie);
    expect(calls).toBe(2);
  });
});
