/**
 * A user's own command-line client (public, code + PKCE, loopback redirect on any port) and
 * IAM's space-separated `audience`: one token whose `aud` lists Rucio and the storage, which is
 * what `rucio download` needs (it hands the storage the token it uses for Rucio).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import {
  cliToken,
  DEV_CLI_CLIENT,
  DEV_STORAGE_AUDIENCE,
  demoUser,
  headlessLogin,
} from '@bdms/dev-fixtures';
import { startIdp, type RunningIdp } from './start-idp.ts';

let idp: RunningIdp;

beforeAll(async () => {
  idp = await startIdp();
});
afterAll(async () => {
  await idp.close();
});

async function claimsOf(token: string): Promise<JWTPayload> {
  const jwks = createRemoteJWKSet(new URL(`${idp.issuer}jwk`));
  return (await jwtVerify(token, jwks, { issuer: idp.issuer, typ: 'at+jwt' })).payload;
}

const alice = demoUser('astronomer');
const SCOPE = 'openid profile offline_access storage.read:/';

describe('the command-line client', () => {
  it('when a user signs in with it asking for Rucio and the storage, then aud lists both and the scope holds storage.read:/', async () => {
    const tokens = await cliToken({
      issuer: idp.issuer,
      user: alice,
      audience: `rucio ${DEV_STORAGE_AUDIENCE}`,
      scope: SCOPE,
    });
    const claims = await claimsOf(tokens.accessToken);
    expect(claims).toMatchObject({
      sub: alice.sub,
      client_id: DEV_CLI_CLIENT.clientId,
      aud: ['rucio', DEV_STORAGE_AUDIENCE],
    });
    expect(String(claims.scope).split(' ')).toEqual(
      expect.arrayContaining(['openid', 'profile', 'storage.read:/']),
    );
    expect(tokens.refreshToken).toBeTruthy();
  });

  it('when one audience is asked for, then aud stays a single string', async () => {
    const tokens = await cliToken({
      issuer: idp.issuer,
      user: alice,
      audience: 'rucio',
      scope: SCOPE,
    });
    expect((await claimsOf(tokens.accessToken)).aud).toBe('rucio');
  });

  it('when the code is traded without the PKCE verifier, or the redirect is not loopback, then it is refused', async () => {
    const authorize = (redirectUri: string) =>
      `${idp.issuer}authorize?${new URLSearchParams({
        client_id: DEV_CLI_CLIENT.clientId,
        response_type: 'code',
        redirect_uri: redirectUri,
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }).toString()}`;
    const elsewhere = await fetch(authorize('http://evil.example/callback'), {
      redirect: 'manual',
    });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain('redirect_uri');

    const redirectUri = 'http://127.0.0.1:50123/callback';
    const landed = await headlessLogin({
      startUrl: authorize(redirectUri),
      username: alice.username,
      password: alice.password,
      stopAt: redirectUri,
    });
    const code = new URL(landed.url).searchParams.get('code') ?? '';
    const res = await fetch(`${idp.issuer}token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: DEV_CLI_CLIENT.clientId,
        code,
        redirect_uri: redirectUri,
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });
});
