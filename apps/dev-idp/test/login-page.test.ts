import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import {
  demoUser,
  headlessLogin,
  HeadlessLoginError,
  CookieJar,
  findLoginForm,
} from '@bdms/dev-fixtures';
import { startIdp, type RunningIdp } from './start-idp.ts';
import { discover } from './oidc-client.ts';

let idp: RunningIdp;
let config: client.Configuration;

beforeAll(async () => {
  idp = await startIdp();
  config = await discover(idp.issuer);
});
afterAll(async () => {
  await idp.close();
});

async function authorizeUrl(redirectUri: string): Promise<string> {
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
    state: client.randomState(),
  }).href;
}

/** Follows the authorize redirect to the login page by hand; returns its URL, HTML and jar. */
async function openLoginPage(redirectUri = 'http://localhost:8080/auth/callback') {
  const jar = new CookieJar();
  let url = await authorizeUrl(redirectUri);
  for (;;) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.store(url, res.headers.getSetCookie());
    const location = res.headers.get('location');
    if (!location) return { url, res, html: await res.text(), jar };
    url = new URL(location, url).href;
  }
}

describe('the sign-in page', () => {
  it('is titled and labelled for people and Playwright', async () => {
    const { html, res } = await openLoginPage();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('<title>CTAO IAM (dev) — Sign in</title>');
    expect(html).toMatch(
      /<label for="username">Username<\/label>\s*<input id="username" name="username"/,
    );
    expect(html).toMatch(
      /<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/,
    );
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).toMatch(/development identity provider/i);
    expect(html).not.toContain(demoUser('astronomer').password);
  });

  it('re-renders with an alert and keeps the username on a wrong password', async () => {
    const { url, html, jar } = await openLoginPage();
    const form = findLoginForm(html, url)!;
    const body = new URLSearchParams({ username: 'alice', password: 'wrong' });
    const res = await fetch(form.action, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { cookie: jar.header(url) },
    });
    const again = await res.text();
    expect(res.status).toBe(200);
    expect(again).toContain('<p role="alert">Invalid username or password.</p>');
    expect(again).toContain('value="alice"');
  });

  it('headlessLogin reports a rejected sign-in', async () => {
    const err = await headlessLogin({
      startUrl: await authorizeUrl('http://localhost:8080/auth/callback'),
      username: 'alice',
      password: 'nope',
      stopAt: 'http://localhost:8080/auth/callback',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HeadlessLoginError);
    expect(String(err)).toContain('Invalid username or password.');
  });
});

describe('redirect URIs (dev loopback rule)', () => {
  it('accepts any loopback port for /auth/callback, over http and https', async () => {
    const alice = demoUser('astronomer');
    for (const cb of [
      'http://127.0.0.1:51234/auth/callback',
      'http://localhost:40001/auth/callback',
      'https://127.0.0.1:51235/auth/callback',
      'https://localhost:8080/auth/callback',
    ]) {
      const landed = await headlessLogin({
        startUrl: await authorizeUrl(cb),
        ...alice,
        stopAt: cb,
      });
      expect(new URL(landed.url).searchParams.get('code')).toBeTruthy();
    }
  });

  it.each([
    'http://127.0.0.1:51234/elsewhere',
    'http://evil.example.org:8080/auth/callback',
    'https://evil.example.org/auth/callback',
    'https://127.0.0.1.evil.example/auth/callback',
    'ftp://127.0.0.1:8080/auth/callback',
  ])('rejects %s', async (cb) => {
    const res = await fetch(await authorizeUrl(cb), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('redirect_uri did not match any of the client');
  });
});
