/**
 * AUTH.md §7c "callback rejects a bad nonce or iss", against the real dev IdP: the authorization
 * request or response is changed between the browser's legs, as an attacker in the middle could.
 */
import type { SessionData } from 'express-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '@bdms/dev-fixtures';
import { IDP_ISSUER } from './stack.ts';
import { ApiErrorBody } from '@bdms/contract';
import { cookieNames } from '../../src/auth/cookies.ts';
import { createOidcClient } from '../../src/auth/oidc-client.ts';
import { createLogger } from '../../src/logger.ts';
import { startBff, storedSessions, type TestBff } from './bff.ts';
import { beginLogin, signInAtIdp } from './browser-login.ts';
import { startSecondIdp, type SecondIdp } from './second-idp.ts';

const alice = demoUser('astronomer');
let bff: TestBff;
let second: SecondIdp;

beforeAll(async () => {
  bff = await startBff();
  second = await startSecondIdp();
}, 30_000);
afterAll(async () => {
  await bff.stop();
  await second.stop();
});

const callback = (url: URL, cookie: string): Promise<Response> =>
  fetch(url, { redirect: 'manual', headers: { Cookie: cookie } });

/** Sessions holding a signed-in user (the store may keep other entries too). */
const signedIn = async (): Promise<number> =>
  Object.values(await storedSessions(bff)).filter((s: Partial<SessionData>) => s.user !== undefined)
    .length;

async function expectRefused(res: Response, signedInBefore: number): Promise<void> {
  expect(res.status).toBe(400);
  expect(ApiErrorBody.parse(await res.json()).error.code).toBe('login_failed');
  const session = cookieNames(bff.config).session;
  expect(res.headers.getSetCookie().filter((c) => c.startsWith(`${session}=`))).toEqual([]);
  expect(await signedIn()).toBe(signedInBefore);
}

describe('the callback against the real IdP: the control', () => {
  it('when nothing is changed between the legs, then the callback signs in (so each refusal below is due to its one change)', async () => {
    const start = await beginLogin(bff.url);
    const before = await signedIn();
    const res = await callback(await signInAtIdp(start.authorizeUrl, alice), start.cookie);
    expect(res.status).toBe(302);
    const session = cookieNames(bff.config).session;
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${session}=`))).toBe(true);
    expect(await signedIn()).toBe(before + 1);
  });
});

describe('the ID token’s nonce', () => {
  it('when the nonce of the authorization request is swapped on its way to the IdP, then the ID token carries the other nonce and the callback is refused without a session', async () => {
    const start = await beginLogin(bff.url);
    expect(start.authorizeUrl.searchParams.get('nonce')).toBeTruthy();
    const swapped = new URL(start.authorizeUrl);
    swapped.searchParams.set('nonce', 'nonce-of-another-login');
    const landed = await signInAtIdp(swapped, alice);
    const before = await signedIn();
    await expectRefused(await callback(landed, start.cookie), before);
  });
});

describe('the issuer (RFC 9207 iss in the callback, iss in the ID token)', () => {
  it('when the IdP’s iss in the callback is replaced or removed, then the callback is refused without a session', async () => {
    const discovery = (await (
      await fetch(`${IDP_ISSUER}.well-known/openid-configuration`)
    ).json()) as { authorization_response_iss_parameter_supported?: boolean };
    // Advertised, so a callback without iss must be refused too (no downgrade).
    expect(discovery.authorization_response_iss_parameter_supported).toBe(true);
    for (const change of [
      (u: URL) => {
        u.searchParams.set('iss', second.issuer);
      },
      (u: URL) => {
        u.searchParams.delete('iss');
      },
    ]) {
      const start = await beginLogin(bff.url);
      const landed = await signInAtIdp(start.authorizeUrl, alice);
      expect(landed.searchParams.get('iss')).toBe(IDP_ISSUER);
      change(landed);
      const before = await signedIn();
      await expectRefused(await callback(landed, start.cookie), before);
    }
  });

  it('when the browser is sent to a second IdP instead (mix-up: same client, same keys), then its code is refused without a session', async () => {
    const start = await beginLogin(bff.url);
    const mixedUp = new URL(start.authorizeUrl);
    mixedUp.host = new URL(second.issuer).host;
    const landed = await signInAtIdp(mixedUp, alice);
    expect(landed.searchParams.get('iss')).toBe(second.issuer);
    const before = await signedIn();
    await expectRefused(await callback(landed, start.cookie), before);
  });

  it('when a token endpoint answers with an ID token of another issuer, then finishLogin refuses it although state, nonce, PKCE and signature key all fit', async () => {
    // Only the token request is re-routed to the second IdP; discovery and keys are the real IdP's.
    const toSecond: typeof fetch = (input, init) => {
      const target = new URL(input instanceof Request ? input.url : String(input));
      if (target.href.startsWith(IDP_ISSUER) && target.pathname === '/token')
        target.host = new URL(second.issuer).host;
      return fetch(target, init);
    };
    const logger = createLogger(bff.config);
    const login = async (issuer: string, tokenFetch?: typeof fetch) => {
      const port = createOidcClient({
        config: { ...bff.config.oidc, issuer },
        logger,
        fetch: tokenFetch,
      });
      // Never contacted: the sign-in stops at the IdP's redirect to it.
      const start = await port.startLogin('http://127.0.0.1:9/auth/callback');
      const atSecond = new URL(start.url);
      atSecond.host = new URL(second.issuer).host;
      const landed = await signInAtIdp(atSecond, alice);
      landed.searchParams.set('iss', issuer);
      return port.finishLogin(landed, start);
    };
    // The control: the same tokens are accepted by a client that trusts the second issuer.
    expect((await login(second.issuer)).claims?.iss).toBe(second.issuer);
    const refused = await login(IDP_ISSUER, toSecond).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ status: 400, code: 'login_failed' });
    // openid-client's ClientError wraps oauth4webapi's check, which names the claim.
    const check = ((refused as Error).cause as Error).cause;
    expect(String(check)).toMatch(/unexpected JWT "iss" \(issuer\) claim value/);
  });
});
