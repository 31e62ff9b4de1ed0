import session, { type SessionData } from 'express-session';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { DidContentDto } from '@bdms/rucio-client';
import { preventResurrection } from '../../src/auth/session-guard.ts';
import { login, makeApp, stubOidc, stubRucio, tokenSet } from './helpers.ts';

const logout = (app: Parameters<typeof request>[0], cookie: string) =>
  request(app)
    .post('/auth/logout')
    .set('X-CSRF', '1')
    .set('Origin', 'http://localhost:8080')
    .set('Cookie', cookie);

const stored = (store: session.Store, sid: string): Promise<SessionData | undefined> =>
  new Promise((resolve, reject) => {
    store.get(sid, (err, s) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(s ?? undefined);
    });
  });

const sidOf = (cookie: string): string =>
  decodeURIComponent(cookie.split('=')[1] ?? '')
    .slice(2)
    .split('.')[0] ?? '';

describe('a destroyed session stays destroyed', () => {
  it('when a request that still holds the session saves it after logout, then it is not brought back', async () => {
    const store = preventResurrection(new session.MemoryStore(), 3600_000);
    const t = makeApp({ store });
    const { sessionCookie } = await login(t);
    const sid = sidOf(sessionCookie);
    const copy = await stored(store, sid);
    expect(copy).toBeDefined();
    await logout(t.app, sessionCookie);
    // What express-session does when a long request that loaded the session ends.
    await new Promise<void>((resolve, reject) => {
      store.set(sid, copy as SessionData, (err) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve();
      });
    });
    expect(await stored(store, sid)).toBeUndefined();
    expect((await request(t.app).get('/api/me').set('Cookie', sessionCookie)).status).toBe(401);
  });

  it('when the store cannot destroy the session at logout, then logout answers 503, not 200', async () => {
    const store = new session.MemoryStore();
    const t = makeApp({ store });
    const { sessionCookie } = await login(t);
    store.destroy = (_sid, cb) => cb?.(new Error('store down'));
    const res = await logout(t.app, sessionCookie);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('session_store_unavailable');
  });
});

describe('a refresh is stored at once', () => {
  it('when a streamed response that refreshed is aborted, then the rotated refresh token is already in the store', async () => {
    const oidc = stubOidc({ tokenLifetimeMs: 1_000 }); // every request refreshes
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rucio = stubRucio({
      listContents: async function* (): AsyncGenerator<DidContentDto> {
        yield { scope: 'acada', name: '/ctao/a', type: 'FILE', bytes: 1 };
        await held; // the stream is still running when the client goes away
      },
    });
    const t = makeApp({ oidc, rucio, store: new session.MemoryStore() });
    const { sessionCookie } = await login(t);
    const fresh = tokenSet(3600_000);
    oidc.onRefresh(() => Promise.resolve(fresh));
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/dids/acada/x/contents`, {
      headers: { Cookie: sessionCookie },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    abort.abort();
    release();
    server.close();
    const saved = await stored(t.store, sidOf(sessionCookie));
    expect(saved?.tokens.refreshToken).toBe(fresh.refreshToken);
  });
});

describe('path parameters toward Rucio', () => {
  it.each(['%2e%2e', '%2E%2E', '..', '.', '%2e'])(
    'when the DID name is %s, then 400 bad_request and Rucio is not called',
    async (name) => {
      let called = false;
      const rucio = stubRucio({
        // eslint-disable-next-line require-yield -- never reached when validation works
        listContents: async function* () {
          called = true;
          await Promise.resolve();
        },
      });
      const t = makeApp({ rucio });
      const { sessionCookie } = await login(t);
      const res = await request(t.app)
        .get(`/api/dids/acada/${name}/contents`)
        .set('Cookie', sessionCookie);
      // `..` sent raw is resolved by the HTTP client first and then matches no route at all.
      expect([400, 404]).toContain(res.status);
      if (res.status === 400) expect(res.body.error.message).toMatch(/path\.name/);
      expect(called).toBe(false);
    },
  );

  it.each(['..', '.', 'a/b', 'x'.repeat(26)])(
    'when the scope is %j, then 400 and Rucio is not called',
    async (scope) => {
      const t = makeApp();
      const { sessionCookie } = await login(t);
      const res = await request(t.app)
        .get(`/api/dids/${encodeURIComponent(scope)}/x/contents`)
        .set('Cookie', sessionCookie);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/path\.scope/);
    },
  );
});
