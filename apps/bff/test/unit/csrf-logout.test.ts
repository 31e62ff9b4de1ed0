import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { LogoutResponse } from '@bdms/contract';
import { cookieLine, login, makeApp, stubOidc } from './helpers.ts';

describe('CSRF', () => {
  it('when a POST has no X-CSRF header, then 403 csrf_rejected and nothing happens', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await request(t.app).post('/auth/logout').set('Cookie', sessionCookie);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_rejected');
    expect(t.oidc.calls.revoke).toEqual([]);
    expect((await request(t.app).get('/api/me').set('Cookie', sessionCookie)).status).toBe(200);
  });

  it('when a POST comes from another Origin, then 403 even with X-CSRF', async () => {
    const t = makeApp();
    const res = await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Origin', 'http://evil.example');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/own origin/);
  });

  it('when a POST has X-CSRF but no Origin, then only Sec-Fetch-Site: same-origin lets it through', async () => {
    const t = makeApp();
    const bare = await request(t.app).post('/auth/logout').set('X-CSRF', '1');
    expect(bare.status).toBe(403);
    const crossSite = await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Sec-Fetch-Site', 'cross-site');
    expect(crossSite.status).toBe(403);
    const sameOrigin = await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Sec-Fetch-Site', 'same-origin');
    expect(sameOrigin.status).toBe(200);
  });

  it('when X-CSRF is present and Origin is the portal’s own, then the POST goes through', async () => {
    const t = makeApp();
    const res = await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Origin', 'http://localhost:8080');
    expect(res.status).toBe(200);
  });

  it('when any other state-changing method is used without X-CSRF on a path that has it, then 403 too', async () => {
    const t = makeApp();
    for (const method of ['put', 'delete', 'patch'] as const) {
      // Unknown paths: no route to refuse the method, so the CSRF check answers.
      expect((await request(t.app)[method]('/api/no-such-thing')).status).toBe(403);
    }
  });

  it('when a known path is asked with a method it does not have, then 405 with Allow (before CSRF or auth)', async () => {
    const t = makeApp();
    for (const method of ['put', 'delete', 'patch', 'post'] as const) {
      const res = await request(t.app)[method]('/api/me');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(res.body.error.code).toBe('method_not_allowed');
    }
    const logout = await request(t.app).get('/auth/logout');
    expect(logout.status).toBe(405);
    expect(logout.headers.allow).toBe('POST');
  });
});

describe('POST /auth/logout', () => {
  it('when the IdP advertises end_session_endpoint, then redirectTo is it, with the client id and the portal root but no token', async () => {
    const oidc = stubOidc({ endSession: true });
    const t = makeApp({ oidc });
    const { sessionCookie } = await login(t);
    const res = await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Origin', 'http://localhost:8080')
      .set('Cookie', sessionCookie);
    expect(res.status).toBe(200);
    const target = new URL(LogoutResponse.parse(res.body).redirectTo);
    expect(target.origin + target.pathname).toBe('http://idp.test/session/end');
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:8080/');
    expect(target.searchParams.get('id_token_hint')).toBeNull();
    expect(res.text).not.toContain('IDT-SECRET-');
    expect(oidc.calls.revoke).toHaveLength(1);
    expect(oidc.calls.revoke[0]).toMatch(/^RT-SECRET-/);
  });

  it('when the IdP advertises none (like IAM), then redirectTo is the portal root', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Origin', 'http://localhost:8080')
      .set('Cookie', sessionCookie);
    expect(res.body).toEqual({ redirectTo: 'http://localhost:8080/' });
  });

  it('when logged out, then the session is gone server-side, the cookie is cleared and the old cookie gets 401', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Origin', 'http://localhost:8080')
      .set('Cookie', sessionCookie);
    expect(cookieLine(res, 'bdms_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
    const after = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('when there is no session, then logout still answers 200 with the portal root', async () => {
    const t = makeApp();
    const res = await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Origin', 'http://localhost:8080');
    expect(res.body).toEqual({ redirectTo: 'http://localhost:8080/' });
  });
});
