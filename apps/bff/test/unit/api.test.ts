import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { RucioError, RucioUnavailableError } from '@bdms/rucio-client';
import { ApiErrorBody, Me, ScopeList } from '@bdms/contract';
import { login, makeApp, stubOidc, stubRucio } from './helpers.ts';

describe('without a session', () => {
  it.each(['/api/me', '/api/scopes', '/api/anything-else'])(
    'when %s is requested, then it answers 401 unauthenticated JSON',
    async (path) => {
      const t = makeApp();
      const res = await request(t.app).get(path);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(ApiErrorBody.parse(res.body).error.code).toBe('unauthenticated');
      expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
    },
  );

  it('when /api/health or /api/openapi.json is requested, then no session is needed', async () => {
    const t = makeApp();
    expect((await request(t.app).get('/api/health')).status).toBe(200);
    const doc = await request(t.app).get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.info.version).toBe('9.9.9');
  });
});

describe('with a session', () => {
  it('when /api/me is requested, then the user comes from the ID token and the account from Rucio whoami', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(res.status).toBe(200);
    expect(Me.parse(res.body)).toEqual({
      sub: 'b3a1c8e2-5f0d-4c4e-9a51-2f7d3c8e1a01',
      username: 'alice',
      name: 'Alice Astronomer',
      email: 'alice@ctao.example.org',
      groups: ['/ctao', '/ctao/astronomers'],
      account: 'alice',
      isAdmin: false,
    });
    expect(t.rucio.seenTokens[0]).toMatch(/^AT-SECRET-/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when the user is in ADMIN_GROUP, then isAdmin is true', async () => {
    const oidc = stubOidc({
      claims: {
        sub: 'c7e2',
        preferred_username: 'oscar',
        'wlcg.groups': ['/ctao', '/ctao/admins'],
      },
    });
    const t = makeApp({ oidc });
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(res.body).toMatchObject({ username: 'oscar', isAdmin: true });
  });

  it('when /api/scopes is requested, then Rucio’s list comes back sorted', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/scopes').set('Cookie', sessionCookie);
    expect(ScopeList.parse(res.body)).toEqual({ scopes: ['acada', 'dl3', 'user.alice'] });
    // An answer that is never cached carries no ETag (hashing every body was wasted work).
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('when the browser sends its own X-Rucio-Auth-Token or Authorization, then Rucio only ever gets the session’s token', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await request(t.app)
      .get('/api/scopes')
      .set('Cookie', sessionCookie)
      .set('X-Rucio-Auth-Token', 'BROWSER-RUCIO-TOKEN')
      .set('Authorization', 'Bearer BROWSER-BEARER');
    expect(res.status).toBe(200);
    expect(t.rucio.seenTokens.length).toBeGreaterThan(0);
    for (const token of t.rucio.seenTokens) expect(token).toMatch(/^AT-SECRET-/);
  });

  it('when an unknown /api route is requested, then it answers 404 JSON', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/nope').set('Cookie', sessionCookie);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('when Rucio rejects the token, then 401 rucio_rejected_token names the identity', async () => {
    const rucio = stubRucio({
      listScopes: () =>
        Promise.reject(
          new RucioError(
            401,
            'CannotAuthenticate',
            'Cannot authenticate with given credentials',
            '/scopes/',
          ),
        ),
    });
    const t = makeApp({ rucio });
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/scopes').set('Cookie', sessionCookie);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('rucio_rejected_token');
    expect(res.body.error.message).toContain(
      'SUB=b3a1c8e2-5f0d-4c4e-9a51-2f7d3c8e1a01, ISS=http://idp.test/',
    );
  });

  it('when Rucio is unreachable, then 503 rucio_unavailable', async () => {
    const rucio = stubRucio({
      whoami: () => Promise.reject(new RucioUnavailableError('/accounts/whoami', 'ECONNREFUSED')),
    });
    const t = makeApp({ rucio });
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('rucio_unavailable');
  });

  it('when the absolute session lifetime is over, then 401 session_expired even though the cookie is fresh', async () => {
    const t = makeApp({ env: { SESSION_ABSOLUTE_HOURS: '0.0000001' } });
    const { sessionCookie } = await login(t);
    await new Promise((r) => setTimeout(r, 5));
    const res = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
  });
});
