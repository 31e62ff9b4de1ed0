/**
 * The real Rucio server accepts the dev IdP's JWT access tokens in X-Rucio-Auth-Token (discovery,
 * JWKS, exact issuer, aud=rucio, scope with "openid profile") and maps SUB/ISS to the account —
 * refuses a token minted for another audience — and still accepts tokens after the IdP restarts.
 */
import { DEMO_USERS } from '@bdms/dev-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directAccessToken, directTokens } from '../bench/sessions.ts';
import { coreUp } from '../core/core-up.ts';
import { httpStatus } from '../lib/http.ts';
import { silentLogger } from '../lib/logger.ts';
import { statePaths } from '../lib/paths.ts';
import { stopDaemon } from '../lib/process.ts';
import { startIdp, type IdpOptions } from './apps.ts';
import { readStackEnv } from './config.ts';

const env = readStackEnv();
const paths = statePaths(env.DEVSTACK_HOME);
const idp: IdpOptions = { port: env.IDP_PORT, issuer: env.IDP_ISSUER, portalUrl: env.PORTAL_URL };
const alice = DEMO_USERS.find((u) => u.role === 'astronomer');
let rucioUrl = '';

const decodePart = (jwt: string, part: 0 | 1): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[part] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
const decodePayload = (jwt: string): Record<string, unknown> => decodePart(jwt, 1);

async function whoami(
  token: string,
): Promise<{ status: number; account?: string; exception?: string | null }> {
  const res = await fetch(`${rucioUrl}/accounts/whoami`, {
    headers: { 'X-Rucio-Auth-Token': token },
  });
  const body = await res.text();
  if (!res.ok) return { status: res.status, exception: res.headers.get('exceptionclass') };
  return { status: res.status, account: (JSON.parse(body) as { account: string }).account };
}

beforeAll(async () => {
  rucioUrl = (await coreUp(paths, env, silentLogger)).rucio.url;
  await startIdp(paths, idp);
});
// Whatever happened in the restart test, the suites after this one find the IdP up.
afterAll(async () => {
  await startIdp(paths, idp);
});

describe('Rucio and the IAM-shaped IdP', () => {
  it('when the astronomer brings an access token for audience rucio, then Rucio maps it to her account', async () => {
    const token = await directAccessToken(env.IDP_ISSUER);
    const claims = decodePayload(token);
    expect(claims).toMatchObject({
      iss: env.IDP_ISSUER,
      sub: alice?.sub,
      aud: 'rucio',
      'wlcg.ver': '1.0',
    });
    expect(String(claims.scope)).toContain('openid profile');
    expect(await whoami(token)).toEqual({ status: 200, account: alice?.rucioAccount });
  });

  it('when the token was issued for no audience (IAM default), then Rucio refuses it', async () => {
    const token = await directAccessToken(env.IDP_ISSUER, null);
    expect(decodePayload(token).aud).not.toBe('rucio');
    const res = await whoami(token);
    expect(res.status).toBe(401);
    expect(res.exception).toBe('CannotAuthenticate');
  });

  it('when the token was issued for another service (aud https://fts.example.org, asked with audience or resource), then Rucio refuses it, while her aud=rucio token is accepted', async () => {
    const fts = 'https://fts.example.org';
    expect(await whoami(await directAccessToken(env.IDP_ISSUER))).toEqual({
      status: 200,
      account: alice?.rucioAccount,
    });
    for (const parameter of ['audience', 'resource'] as const) {
      const token = await directAccessToken(env.IDP_ISSUER, fts, parameter);
      const claims = decodePayload(token);
      // Same user, issuer and scopes as the accepted token: only the audience differs.
      expect(claims).toMatchObject({ iss: env.IDP_ISSUER, sub: alice?.sub, aud: fts });
      expect(String(claims.scope)).toContain('openid profile');
      expect(await whoami(token)).toEqual({ status: 401, exception: 'CannotAuthenticate' });
    }
  });

  it('when the signature is tampered with, then Rucio refuses the token', async () => {
    const token = await directAccessToken(env.IDP_ISSUER);
    const [h, p, sig = ''] = token.split('.');
    const flipped = `${h ?? ''}.${p ?? ''}.${sig.slice(0, -4)}${sig.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect((await whoami(flipped)).status).toBe(401);
  });

  it('when the ID token is sent instead of the access token, then Rucio refuses it', async () => {
    const { idToken } = await directTokens(env.IDP_ISSUER);
    expect(decodePayload(idToken).aud).not.toBe('rucio');
    expect((await whoami(idToken)).status).toBe(401);
  });
});

describe('key stability (Rucio caches the IdP keys for 12 h)', () => {
  const publishedJwks = async (): Promise<unknown> => (await fetch(`${env.IDP_ISSUER}jwk`)).json();

  it('when the running dev IdP daemon is stopped and started again, then it publishes the same keys and Rucio accepts a token from before and one from after the restart', async () => {
    const keysBefore = await publishedJwks();
    // Not shown to Rucio before the restart, so Rucio validates it afresh afterwards.
    const before = await directAccessToken(env.IDP_ISSUER);
    expect(await stopDaemon(paths, 'idp')).toBe(true);
    let restarted: Awaited<ReturnType<typeof startIdp>>;
    try {
      expect(await httpStatus(`${env.IDP_ISSUER}.well-known/openid-configuration`)).toBeUndefined();
    } finally {
      restarted = await startIdp(paths, idp);
    }
    expect(restarted.reused).toBe(false);
    expect(await publishedJwks()).toEqual(keysBefore);
    const after = await directAccessToken(env.IDP_ISSUER);
    expect(after).not.toBe(before);
    expect(decodePart(after, 0).kid).toBe(decodePart(before, 0).kid);
    for (const token of [before, after])
      expect(await whoami(token)).toEqual({ status: 200, account: alice?.rucioAccount });
  });
});
