// headlessLogin end to end: a tiny relying party (code exchange with openid-client, then its own
// session cookie) in front of the real dev IdP, like the BFF tests use it.
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { demoUser, headlessLogin } from '@bdms/dev-fixtures';
import { startIdp, type RunningIdp } from './start-idp.ts';
import { discover } from './oidc-client.ts';

let idp: RunningIdp;
let rp: Server;
let rpOrigin: string;
const pending = new Map<string, string>(); // state → PKCE verifier
const sessions = new Map<string, string>(); // session id → sub

async function handle(
  config: client.Configuration,
  url: URL,
): Promise<{ status: number; headers: Record<string, string>; body?: string }> {
  if (url.pathname === '/auth/login') {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    pending.set(state, verifier);
    const target = client.buildAuthorizationUrl(config, {
      redirect_uri: `${rpOrigin}/auth/callback`,
      scope: 'openid profile offline_access',
      state,
      audience: 'rucio',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { status: 302, headers: { location: target.href } };
  }
  if (url.pathname === '/auth/callback') {
    const state = url.searchParams.get('state') ?? '';
    const tokens = await client.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: pending.get(state)!,
      expectedState: state,
    });
    const sid = client.randomState();
    sessions.set(sid, tokens.claims()!.sub);
    return {
      status: 302,
      headers: { location: '/', 'set-cookie': `rp-session=${sid}; Path=/; HttpOnly; SameSite=Lax` },
    };
  }
  return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'home' };
}

beforeAll(async () => {
  idp = await startIdp();
  const config = await discover(idp.issuer);
  rp = createServer((req, res) => {
    handle(config, new URL(req.url ?? '/', rpOrigin)).then(
      ({ status, headers, body }) => res.writeHead(status, headers).end(body),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  rp.listen(0, '127.0.0.1');
  await once(rp, 'listening');
  rpOrigin = `http://127.0.0.1:${(rp.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rp.closeAllConnections();
  rp.close();
  await idp.close();
});

describe('headlessLogin', () => {
  it('stops at the callback with the code, before the relying party sees it', async () => {
    const result = await headlessLogin({
      startUrl: `${rpOrigin}/auth/login`,
      ...demoUser('astronomer'),
      stopAt: `${rpOrigin}/auth/callback`,
    });
    expect(result.status).toBe(303);
    expect(new URL(result.url).searchParams.get('code')).toBeTruthy();
    expect(result.cookies).toEqual({});
  });

  it('with followToEnd, ends on the relying party holding its session cookie', async () => {
    const oscar = demoUser('admin');
    const result = await headlessLogin({
      startUrl: `${rpOrigin}/auth/login`,
      ...oscar,
      stopAt: rpOrigin,
      followToEnd: true,
    });
    expect(result.url).toBe(`${rpOrigin}/`);
    expect(result.status).toBe(200);
    expect(sessions.get(result.cookies['rp-session']!)).toBe(oscar.sub);
    expect(result.cookieHeader).toBe(`rp-session=${result.cookies['rp-session']}`);
  });
});
