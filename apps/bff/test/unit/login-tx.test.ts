import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import session from 'express-session';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createLoginTxStore } from '../../src/auth/login-tx.ts';
import { cookieLine, cookiePair, login, makeApp } from './helpers.ts';

const storeSize = (store: session.MemoryStore): Promise<number> =>
  new Promise((resolve, reject) => {
    store.length((err, n) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(n ?? 0);
    });
  });

describe('the login transaction lives in an encrypted cookie, not in the session store', () => {
  it('when anonymous clients call /auth/login, then nothing is written to the session store', async () => {
    const store = new session.MemoryStore();
    const t = makeApp({ store });
    for (let i = 0; i < 20; i++) {
      const res = await request(t.app).get('/auth/login');
      expect(res.status).toBe(302);
    }
    expect(await storeSize(store)).toBe(0);
  });

  it('when the cookie is read, then it is an encrypted JWT that does not show state, nonce or verifier', async () => {
    const t = makeApp();
    const res = await request(t.app).get('/auth/login').query({ returnTo: '/scopes' });
    const value = cookiePair(cookieLine(res, 'bdms_login_tx')).split('=')[1] ?? '';
    expect(value.split('.')).toHaveLength(5); // JWE compact serialisation
    const state = new URL(String(res.headers.location)).searchParams.get('state') ?? '';
    expect(Buffer.from(value.split('.').join(''), 'base64url').toString('latin1')).not.toContain(
      state,
    );
    expect(value.length).toBeLessThan(1024);
  });

  it.each([
    ['tampered with', (v: string) => v.slice(0, -3) + (v.endsWith('AAA') ? 'BBB' : 'AAA')],
    ['from another portal (other secret)', () => 'other'],
    ['truncated', (v: string) => v.slice(0, 40)],
  ])('when the transaction cookie is %s, then the callback refuses it', async (_label, change) => {
    const t = makeApp();
    const start = await request(t.app).get('/auth/login');
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
    const value = cookiePair(cookieLine(start, 'bdms_login_tx')).split('=')[1] ?? '';
    let forged = change(value);
    if (forged === 'other') {
      const foreign = createLoginTxStore(
        'another-portal-secret-0123456789',
        new session.MemoryStore(),
      );
      forged = await foreign.seal({ state, nonce: 'n', codeVerifier: 'v', returnTo: '/' });
    }
    const res = await request(t.app)
      .get('/auth/callback')
      .query({ code: 'c', state })
      .set('Cookie', `bdms_login_tx=${forged}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('login_failed');
    expect(cookieLine(res, 'bdms_session')).toBeUndefined();
  });

  it('when the transaction is older than 10 minutes, then the callback refuses it', async () => {
    const store = new session.MemoryStore();
    const tx = createLoginTxStore('unit-test-session-secret-not-for-production', store);
    const sealed = await tx.seal({ state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/' });
    expect(await tx.open(sealed)).toMatchObject({ state: 's', returnTo: '/' });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 10 * 60_000 + 5_000);
      expect(await tx.open(sealed)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('20 000 anonymous sign-in starts', () => {
  it('when they hit the BFF, then a signed-in session keeps working and the store holds only it', async () => {
    const store = new session.MemoryStore();
    // A limit high enough to let every call reach the handler: this is about the store.
    const t = makeApp({ store, env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000000' } });
    const { sessionCookie } = await login(t);
    const before = await storeSize(store);
    const server = t.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      let redirects = 0;
      const worker = async (n: number): Promise<void> => {
        for (let i = 0; i < n; i++) {
          const res = await fetch(`${base}/auth/login`, { redirect: 'manual' });
          await res.arrayBuffer();
          if (res.status === 302) redirects += 1;
        }
      };
      await Promise.all(Array.from({ length: 20 }, () => worker(1000)));
      expect(redirects).toBe(20_000);
    } finally {
      server.close();
    }
    expect(await storeSize(store)).toBe(before);
    const me = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(me.status).toBe(200);
  }, 120_000);
});
