import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { cookieLine, cookiePair, login, makeApp, PUBLIC_HTTPS } from './helpers.ts';

const TOKEN_PATTERN = /AT-SECRET|RT-SECRET|IDT-SECRET/;

describe('/auth/login', () => {
  it('when called, then it redirects to the IdP and sets a 10-minute Lax HttpOnly transaction cookie', async () => {
    const t = makeApp();
    const res = await request(t.app).get('/auth/login').query({ returnTo: '/scopes' });
    expect(res.status).toBe(302);
    expect(String(res.headers.location)).toMatch(/^http:\/\/idp\.test\/authorize\?/);
    expect(new URL(String(res.headers.location)).searchParams.get('redirect_uri')).toBe(
      'http://localhost:8080/auth/callback',
    );
    const tx = cookieLine(res, 'bdms_login_tx') ?? '';
    expect(tx).toMatch(/HttpOnly/);
    expect(tx).toMatch(/SameSite=Lax/);
    expect(tx).toMatch(/Path=\//);
    expect(tx).toMatch(/Max-Age=600/);
    expect(tx).not.toMatch(/Secure|Domain/i);
  });

  it.each(['//evil.example', 'https://evil.example', '/\\evil.example', '\\\\evil'])(
    'when returnTo is %j, then it answers 400 and starts no login',
    async (returnTo) => {
      const t = makeApp();
      const res = await request(t.app).get('/auth/login').query({ returnTo });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'bad_request' } });
      expect(cookieLine(res, 'bdms_login_tx')).toBeUndefined();
    },
  );
});

describe('returnTo that only normalisation reveals as another host', () => {
  it.each([
    '/.//evil.example/x',
    '/..//evil.example/x',
    '/a/..//evil.example/x',
    '/%2e//evil.example',
    '/%5c%5cevil.example',
  ])(
    'when returnTo is %j, then the browser is sent to the portal root after sign-in',
    async (returnTo) => {
      const t = makeApp();
      const { callback } = await login(t, { returnTo });
      expect(callback.status).toBe(302);
      expect(callback.headers.location).toBe('/');
    },
  );
});

describe('/auth/callback', () => {
  it('when the transaction matches, then a Strict HttpOnly session cookie is set, saved, and the browser goes to returnTo', async () => {
    const t = makeApp();
    const { callback, sessionCookie } = await login(t, { returnTo: '/scopes?x=1' });
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/scopes?x=1');
    const line = cookieLine(callback, 'bdms_session') ?? '';
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Domain|Secure/i);
    expect(line.length).toBeLessThan(4096);
    // The transaction cookie is cleared at once.
    expect(cookieLine(callback, 'bdms_login_tx')).toMatch(/Expires=Thu, 01 Jan 1970/);
    const me = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(me.status).toBe(200);
  });

  it('when the same callback is replayed, then the second one is refused', async () => {
    const t = makeApp();
    const first = await login(t);
    const replay = await request(t.app)
      .get('/auth/callback')
      .query({ code: 'the-code', state: first.state })
      .set('Cookie', first.txCookie);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: { code: 'login_failed' } });
    expect(cookieLine(replay, 'bdms_session')).toBeUndefined();
  });

  it('when a browser replays the callback, then it lands on the portal with the error code, not on JSON', async () => {
    const t = makeApp();
    const first = await login(t);
    const replay = await request(t.app)
      .get('/auth/callback')
      .query({ code: 'the-code', state: first.state })
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .set('Cookie', first.txCookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toBe('http://localhost:8080/?signInError=login_failed');
    expect(cookieLine(replay, 'bdms_session')).toBeUndefined();
  });

  it('when the state does not match or the transaction cookie is missing, then the login fails', async () => {
    const t = makeApp();
    const start = await request(t.app).get('/auth/login');
    const tx = cookiePair(cookieLine(start, 'bdms_login_tx'));
    const bad = await request(t.app)
      .get('/auth/callback')
      .query({ code: 'c', state: 'forged' })
      .set('Cookie', tx);
    expect(bad.status).toBe(400);
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
    const noCookie = await request(t.app).get('/auth/callback').query({ code: 'c', state });
    expect(noCookie.status).toBe(400);
    expect(noCookie.body.error.message).toMatch(/sign in again/i);
  });

  it('when a browser that already had a session logs in again, then it gets a new session id', async () => {
    const t = makeApp();
    const first = await login(t);
    const second = await login(t, { cookie: first.sessionCookie });
    expect(second.sessionCookie).toMatch(/^bdms_session=/);
    expect(second.sessionCookie).not.toBe(first.sessionCookie);
    // regenerate() destroyed the old id: a fixated or stolen pre-login id is worthless now.
    const old = await request(t.app).get('/api/me').set('Cookie', first.sessionCookie);
    expect(old.status).toBe(401);
    const fresh = await request(t.app).get('/api/me').set('Cookie', second.sessionCookie);
    expect(fresh.status).toBe(200);
  });

  it('when logging in, then no token appears in any header or body the browser gets', async () => {
    const t = makeApp();
    const { start, callback, sessionCookie } = await login(t);
    const me = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    const logout = await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Origin', 'http://localhost:8080')
      .set('Cookie', sessionCookie);
    for (const res of [start, callback, me, logout]) {
      expect(JSON.stringify(res.headers)).not.toMatch(TOKEN_PATTERN);
      expect(res.text).not.toMatch(TOKEN_PATTERN);
    }
  });
});

describe('cookies over https', () => {
  it('when PUBLIC_URL is https, then both cookies are __Host- prefixed and Secure', async () => {
    const t = makeApp({ env: { PUBLIC_URL: PUBLIC_HTTPS } });
    const { start, callback, sessionCookie } = await login(t, { https: true });
    const tx = cookieLine(start, '__Host-bdms_login_tx') ?? '';
    expect(tx).toMatch(/; Secure/);
    expect(tx).toMatch(/SameSite=Lax/);
    const s = cookieLine(callback, '__Host-bdms_session') ?? '';
    expect(s).toMatch(/; Secure/);
    expect(s).toMatch(/SameSite=Strict/);
    expect(s).toMatch(/Path=\//);
    expect(s).not.toMatch(/Domain/i);
    expect(new URL(String(start.headers.location)).searchParams.get('redirect_uri')).toBe(
      `${PUBLIC_HTTPS}/auth/callback`,
    );
    const me = await request(t.app)
      .get('/api/me')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', sessionCookie);
    expect(me.status).toBe(200);
    expect(start.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});
