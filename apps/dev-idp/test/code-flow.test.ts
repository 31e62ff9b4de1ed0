import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { demoUser } from '@bdms/dev-fixtures';
import { startIdp, type RunningIdp } from './start-idp.ts';
import { discover, loginAs } from './oidc-client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let idp: RunningIdp;
let config: client.Configuration;

beforeAll(async () => {
  idp = await startIdp();
  config = await discover(idp.issuer);
});
afterAll(async () => {
  await idp.close();
});

async function verifyAccessToken(token: string) {
  const jwks = createRemoteJWKSet(new URL(`${idp.issuer}jwk`));
  return jwtVerify(token, jwks, { issuer: idp.issuer, typ: 'at+jwt' });
}

describe('discovery', () => {
  it('publishes the issuer with a trailing slash, like IAM', async () => {
    const res = await fetch(`${idp.issuer}.well-known/openid-configuration`);
    const body = (await res.json()) as {
      issuer: string;
      code_challenge_methods_supported: string[];
    };
    expect(body.issuer).toBe(idp.issuer);
    expect(body.issuer.endsWith('/')).toBe(true);
    expect(body.code_challenge_methods_supported).toEqual(['S256']);
  });
});

describe('authorization code + PKCE with audience=rucio', () => {
  it('issues a WLCG-profile JWT access token with aud "rucio"', async () => {
    const alice = demoUser('astronomer');
    const tokens = await loginAs(config, alice);
    const { payload, protectedHeader } = await verifyAccessToken(tokens.access_token);

    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(Object.keys(payload).sort()).toEqual(
      [
        'aud',
        'client_id',
        'exp',
        'iat',
        'iss',
        'jti',
        'nbf',
        'scope',
        'sub',
        'wlcg.groups',
        'wlcg.ver',
      ].sort(),
    );
    expect(payload).toMatchObject({
      iss: idp.issuer,
      sub: alice.sub,
      aud: 'rucio',
      client_id: 'bdms-portal',
      'wlcg.ver': '1.0',
      'wlcg.groups': alice.groups,
    });
    expect(payload.sub).toMatch(UUID);
    expect(payload.jti).toMatch(UUID);
    expect(payload.nbf).toBe(payload.iat);
    expect(payload.exp! - payload.iat!).toBe(3600);
    const scopes = String(payload.scope).split(' ');
    expect(scopes).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'offline_access', 'wlcg.groups']),
    );
    expect(String(payload.scope)).toContain('openid profile');
  });

  it('puts the profile and groups into the ID token', async () => {
    const oscar = demoUser('admin');
    const tokens = await loginAs(config, oscar);
    expect(tokens.claims()).toMatchObject({
      sub: oscar.sub,
      name: oscar.name,
      preferred_username: oscar.username,
      email: oscar.email,
      'wlcg.groups': oscar.groups,
      groups: oscar.groups.map((g) => g.slice(1)),
    });
  });

  it('keeps parametric WLCG scopes and asserts an optional group only on request', async () => {
    const alice = demoUser('astronomer');
    const scope = 'openid profile offline_access wlcg.groups:/ctao/astronomers storage.read:/ctao';
    const tokens = await loginAs(config, alice, { scope });
    const { payload } = await verifyAccessToken(tokens.access_token);
    expect(String(payload.scope).split(' ')).toEqual(expect.arrayContaining(scope.split(' ')));
    expect(payload['wlcg.groups']).toEqual(['/ctao/astronomers']);

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    const again = await verifyAccessToken(refreshed.access_token);
    expect(String(again.payload.scope).split(' ')).toEqual(
      expect.arrayContaining(scope.split(' ')),
    );
  });

  it('without an audience, the token is for IAM\'s "any" audience, not rucio', async () => {
    const tokens = await loginAs(config, demoUser('astronomer'), { audience: null });
    const { payload } = await verifyAccessToken(tokens.access_token);
    expect(payload.aud).toBe('https://wlcg.cern.ch/jwt/v1/any');
  });

  it('omits wlcg.groups when no wlcg.groups scope was requested', async () => {
    const tokens = await loginAs(config, demoUser('astronomer'), {
      scope: 'openid profile offline_access',
    });
    const { payload } = await verifyAccessToken(tokens.access_token);
    expect(payload).not.toHaveProperty('wlcg.groups');
    expect(decodeProtectedHeader(tokens.access_token).kid).toBeTruthy();
  });
});
