import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CLIENTS, demoUser } from '@bdms/dev-fixtures';
import { IDP_ISSUER } from './stack.ts';
import { LogoutResponse, Me, ScopeList } from '@bdms/contract';
import {
  login,
  loginUntilCallback,
  rootScopes,
  startBff,
  storedSessions,
  type TestBff,
} from './bff.ts';

const alice = demoUser('astronomer');
let bff: TestBff;

beforeAll(async () => {
  bff = await startBff();
});
afterAll(async () => {
  await bff.stop();
});

const get = (path: string, cookie?: string): Promise<Response> =>
  fetch(bff.url + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
const logout = (cookie: string): Promise<Response> =>
  fetch(`${bff.url}/auth/logout`, {
    method: 'POST',
    headers: { Cookie: cookie, 'X-CSRF': '1', Origin: bff.url },
  });

async function introspect(token: string): Promise<{ active: boolean }> {
  const discovery = (await (
    await fetch(`${IDP_ISSUER}.well-known/openid-configuration`)
  ).json()) as { introspection_endpoint: string };
  const basic = Buffer.from(
    `${DEV_CLIENTS.portal.clientId}:${DEV_CLIENTS.portal.clientSecret}`,
  ).toString('base64');
  const res = await fetch(discovery.introspection_endpoint, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${basic}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ token, token_type_hint: 'refresh_token' }),
  });
  return (await res.json()) as { active: boolean };
}

describe('health against the real components', () => {
  it('when Rucio and the IdP are up, then /api/health is 200; Rucio’s version and the issuer only for a signed-in user', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      bff: { ok: true },
      rucio: { ok: true },
      idp: { ok: true },
    });
    const { cookie } = await login(bff, demoUser('astronomer'));
    const detailed = await fetch(`${bff.url}/api/health`, { headers: { Cookie: cookie } });
    expect(await detailed.json()).toMatchObject({
      ok: true,
      rucio: { ok: true, version: expect.stringMatching(/^41\./) },
      idp: { ok: true, issuer: IDP_ISSUER },
    });
  });
});

describe('login against the real IdP, then Rucio with the user’s token', () => {
  it('when the astronomer logs in, then /api/me shows her and her Rucio account alice', async () => {
    const { cookie } = await login(bff, alice);
    const res = await get('/api/me', cookie);
    expect(res.status).toBe(200);
    const me = Me.parse(await res.json());
    expect(me).toMatchObject({
      sub: alice.sub,
      username: alice.username,
      account: 'alice',
      isAdmin: false,
    });
    expect(me.groups).toEqual(expect.arrayContaining(alice.groups));
  });

  it('when /api/scopes is asked, then it equals Rucio’s GET /scopes/ with a root userpass token (so Rucio accepted the JWT)', async () => {
    const { cookie } = await login(bff, alice);
    const res = await get('/api/scopes', cookie);
    expect(res.status).toBe(200);
    const { scopes } = ScopeList.parse(await res.json());
    expect(scopes).toEqual([...(await rootScopes())].sort());
  });

  it('when a browser with a session logs in again, then the session id changes and the old id is dead', async () => {
    const first = await login(bff, alice);
    const second = await login(bff, alice, first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await get('/api/me', first.cookie)).status).toBe(401);
    expect((await get('/api/me', second.cookie)).status).toBe(200);
  });

  it('when the callback is replayed, then it is refused', async () => {
    const { callbackUrl, txCookie } = await loginUntilCallback(bff, alice);
    const first = await fetch(callbackUrl, { redirect: 'manual', headers: { Cookie: txCookie } });
    expect(first.status).toBe(302);
    const replay = await fetch(callbackUrl, { redirect: 'manual', headers: { Cookie: txCookie } });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('login_failed');
  });

  it('when the state is tampered with, then the login fails and no session is created', async () => {
    const { callbackUrl, txCookie } = await loginUntilCallback(bff, alice);
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'forged-state');
    const res = await fetch(forged, { redirect: 'manual', headers: { Cookie: txCookie } });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('bdms_session='))).toBe(false);
  });

  it('when logging out, then the refresh token is revoked at the IdP and the old cookie gets 401', async () => {
    const { cookie } = await login(bff, alice);
    const sid =
      decodeURIComponent(cookie.split('=')[1] ?? '')
        .slice(2)
        .split('.')[0] ?? '';
    const refreshToken = (await storedSessions(bff))[sid]?.tokens.refreshToken;
    expect(refreshToken).toBeTruthy();
    expect((await introspect(refreshToken ?? '')).active).toBe(true);
    const res = await logout(cookie);
    expect(res.status).toBe(200);
    const { redirectTo } = LogoutResponse.parse(await res.json());
    // The dev IdP advertises end_session_endpoint (real IAM does not: then it is the portal root).
    expect(new URL(redirectTo).searchParams.get('post_logout_redirect_uri')).toBe(`${bff.url}/`);
    expect((await introspect(refreshToken ?? '')).active).toBe(false);
    expect((await get('/api/me', cookie)).status).toBe(401);
  });

  it('when going through the whole flow, then no access, refresh or ID token reaches the browser', async () => {
    const seen: string[] = [];
    const keep = async (res: Response): Promise<void> => {
      seen.push(JSON.stringify([...res.headers]), await res.text());
    };
    const { callbackUrl, txCookie } = await loginUntilCallback(bff, alice);
    const callback = await fetch(callbackUrl, {
      redirect: 'manual',
      headers: { Cookie: txCookie },
    });
    const cookie =
      (callback.headers.getSetCookie().find((c) => c.startsWith('bdms_session=')) ?? '').split(
        ';',
      )[0] ?? '';
    await keep(callback);
    for (const path of ['/api/me', '/api/scopes', '/api/health', '/api/openapi.json'])
      await keep(await get(path, cookie));
    const sid =
      decodeURIComponent(cookie.split('=')[1] ?? '')
        .slice(2)
        .split('.')[0] ?? '';
    const tokens = (await storedSessions(bff))[sid]?.tokens;
    const out = await logout(cookie);
    const logoutBody = await out.text();
    seen.push(JSON.stringify([...out.headers]));
    expect(tokens?.accessToken).toBeTruthy();
    const all = seen.join('\n');
    for (const secret of [tokens?.accessToken, tokens?.refreshToken, tokens?.idToken])
      expect(all).not.toContain(secret);
    for (const secret of [tokens?.accessToken, tokens?.refreshToken, tokens?.idToken])
      expect(logoutBody).not.toContain(secret);
  });
});
