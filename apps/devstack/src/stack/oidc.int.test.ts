/**
 * The real Rucio server accepts the dev IdP's JWT access tokens in X-Rucio-Auth-Token (discovery,
 * JWKS, exact issuer, aud=rucio, scope with "openid profile") and maps SUB/ISS to the account —
 * and refuses a token minted for another audience.
 */
import { DEMO_USERS } from '@bdms/dev-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { directAccessToken, directTokens } from '../bench/sessions.ts';
import { coreUp } from '../core/core-up.ts';
import { silentLogger } from '../lib/logger.ts';
import { statePaths } from '../lib/paths.ts';
import { startIdp } from './apps.ts';
import { readStackEnv } from './config.ts';

const env = readStackEnv();
const paths = statePaths(env.DEVSTACK_HOME);
let rucioUrl = '';

const decodePayload = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

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
  await startIdp(paths, { port: env.IDP_PORT, issuer: env.IDP_ISSUER, portalUrl: env.PORTAL_URL });
});

describe('Rucio and the IAM-shaped IdP', () => {
  it('when the astronomer brings an access token for audience rucio, then Rucio maps it to her account', async () => {
    const token = await directAccessToken(env.IDP_ISSUER);
    const claims = decodePayload(token);
    const alice = DEMO_USERS.find((u) => u.role === 'astronomer');
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
