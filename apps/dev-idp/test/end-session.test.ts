import { afterAll, describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { demoUser, findLoginForm, headlessLogin, type CookieJar } from '@bdms/dev-fixtures';
import { startIdp, type RunningIdp } from './start-idp.ts';
import { CALLBACK, discover } from './oidc-client.ts';

const started: RunningIdp[] = [];
afterAll(async () => {
  await Promise.all(started.map((idp) => idp.close()));
});
async function start(endSession: boolean): Promise<RunningIdp> {
  const idp = await startIdp({ endSession });
  started.push(idp);
  return idp;
}

/** Logs alice in and returns the IdP cookie jar plus her ID token. */
async function signedIn(config: client.Configuration) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
  });
  const landed = await headlessLogin({
    startUrl: url.href,
    ...demoUser('astronomer'),
    stopAt: CALLBACK,
  });
  const tokens = await client.authorizationCodeGrant(config, new URL(landed.url), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  return { jar: landed.jar, idToken: tokens.id_token!, authorizeUrl: url.href };
}

async function get(url: string, jar: CookieJar): Promise<Response> {
  const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
  jar.store(url, res.headers.getSetCookie());
  return res;
}

describe('end session enabled (default)', () => {
  it('advertises end_session_endpoint and signs out to a loopback post_logout_redirect_uri', async () => {
    const idp = await start(true);
    const config = await discover(idp.issuer);
    expect(config.serverMetadata().end_session_endpoint).toBe(`${idp.issuer}session/end`);
    const { jar, idToken, authorizeUrl } = await signedIn(config);

    const back = 'http://127.0.0.1:51234/';
    const endUrl = client.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: back,
      state: 'xyz',
    });
    const page = await get(endUrl.href, jar);
    const html = await page.text();
    const nonce = /<script nonce="([^"]+)">/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(page.headers.get('content-security-policy')).toContain(`script-src 'nonce-${nonce}'`);
    expect(html).toContain("document.getElementById('op.logoutForm').submit()");
    expect(html).toMatch(
      /<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out<\/button>/,
    );

    // What the auto-submitting script posts: the form's xsrf plus logout=yes.
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)![1]!;
    const confirm = await fetch(action, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
      headers: { cookie: jar.header(action) },
    });
    jar.store(action, confirm.headers.getSetCookie());
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(`${back}?state=xyz`);

    // The IdP session is gone: authorizing again shows the sign-in form.
    let url = authorizeUrl;
    let res = await get(url, jar);
    while (res.headers.get('location')) {
      url = new URL(res.headers.get('location')!, url).href;
      res = await get(url, jar);
    }
    expect(findLoginForm(await res.text(), url)).toBeDefined();
  });

  it('rejects a non-loopback post_logout_redirect_uri', async () => {
    const idp = await start(true);
    const config = await discover(idp.issuer);
    const { jar, idToken } = await signedIn(config);
    const endUrl = client.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: 'https://evil.example.org/',
    });
    const res = await get(endUrl.href, jar);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('post_logout_redirect_uri not registered');
  });
});

describe('end session disabled (IDP_END_SESSION=0, like real IAM)', () => {
  it('advertises no end_session_endpoint', async () => {
    const idp = await start(false);
    const config = await discover(idp.issuer);
    expect(config.serverMetadata().end_session_endpoint).toBeUndefined();
    expect((await fetch(`${idp.issuer}session/end`)).status).toBe(404);
  });
});
