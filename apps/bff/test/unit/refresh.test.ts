import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { login, makeApp, stubOidc, tokenSet } from './helpers.ts';

const later = <T>(ms: number, value: T): Promise<T> =>
  new Promise((r) =>
    setTimeout(() => {
      r(value);
    }, ms),
  );

describe('token refresh', () => {
  it('when 10 requests arrive with ≤ 60 s left on the token, then exactly one refresh happens and all succeed with the new token', async () => {
    const oidc = stubOidc({ tokenLifetimeMs: 30_000 }); // login tokens are already inside the margin
    const t = makeApp({ oidc });
    const { sessionCookie } = await login(t);
    oidc.onRefresh(() => later(50, tokenSet(3600_000)));
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(t.app).get('/api/scopes').set('Cookie', sessionCookie),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(oidc.calls.refresh).toHaveLength(1);
    const used = new Set(t.rucio.seenTokens);
    expect(used.size).toBe(1); // every Rucio call carried the refreshed token
    expect([...used][0]).not.toBe(oidc.calls.refresh[0]?.replace('RT', 'AT'));
  });

  it('when the IdP rotates the refresh token, then the next refresh redeems the new one', async () => {
    const oidc = stubOidc({ tokenLifetimeMs: 1_000 });
    const t = makeApp({ oidc });
    const { sessionCookie } = await login(t);
    const issued: string[] = [];
    oidc.onRefresh(() => {
      const next = tokenSet(1_000); // still inside the margin: every request refreshes
      issued.push(next.refreshToken ?? '');
      return Promise.resolve(next);
    });
    await request(t.app).get('/api/scopes').set('Cookie', sessionCookie);
    await request(t.app).get('/api/scopes').set('Cookie', sessionCookie);
    expect(oidc.calls.refresh).toHaveLength(2);
    expect(oidc.calls.refresh[1]).toBe(issued[0]);
  });

  it('when the IdP answers invalid_grant, then the session is destroyed and the user gets 401', async () => {
    const oidc = stubOidc({ tokenLifetimeMs: 1_000 });
    const t = makeApp({ oidc });
    const { sessionCookie } = await login(t);
    oidc.onRefresh(() =>
      Promise.reject(
        new AppError(401, 'session_expired', 'Your session has ended. Please sign in again.'),
      ),
    );
    const res = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
    const after = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('when the IdP is down but the token has not expired yet, then the current token is used and the session survives', async () => {
    const oidc = stubOidc({ tokenLifetimeMs: 30_000 });
    const t = makeApp({ oidc });
    const { sessionCookie } = await login(t);
    oidc.onRefresh(() => Promise.reject(new AppError(503, 'idp_unavailable', 'down')));
    expect((await request(t.app).get('/api/me').set('Cookie', sessionCookie)).status).toBe(200);
  });

  it('when the IdP is down and the token has expired, then 503 idp_unavailable and the session is kept', async () => {
    const oidc = stubOidc({ tokenLifetimeMs: -1_000 });
    const t = makeApp({ oidc });
    const { sessionCookie } = await login(t);
    oidc.onRefresh(() => Promise.reject(new AppError(503, 'idp_unavailable', 'down')));
    const res = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(res.status).toBe(503);
    oidc.onRefresh(() => Promise.resolve(tokenSet()));
    expect((await request(t.app).get('/api/me').set('Cookie', sessionCookie)).status).toBe(200);
  });
});
