import { afterAll, describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { DEV_CLIENTS } from '@bdms/dev-fixtures';
import devJwks from '../src/keys/dev-jwks.json' with { type: 'json' };
import { startIdp, type RunningIdp } from './start-idp.ts';
import { discover } from './oidc-client.ts';

const started: RunningIdp[] = [];
afterAll(async () => {
  await Promise.all(started.map((idp) => idp.close()));
});

async function publishedJwks(idp: RunningIdp): Promise<JSONWebKeySet> {
  return (await (await fetch(`${idp.issuer}jwk`)).json()) as JSONWebKeySet;
}

describe('fixed signing keys', () => {
  it('publish the committed key, with the same kid after a restart, and only its public part', async () => {
    const first = await startIdp();
    started.push(first);
    const before = await publishedJwks(first);
    const config = await discover(first.issuer, 'rucio');
    const token = (await client.clientCredentialsGrant(config)).access_token;
    await first.close();
    started.pop();

    const second = await startIdp();
    started.push(second);
    const after = await publishedJwks(second);

    expect(after.keys.map((k) => k.kid)).toEqual(before.keys.map((k) => k.kid));
    expect(after.keys[0]!.kid).toBe(devJwks.keys[0]!.kid);
    expect(after.keys[0]).not.toHaveProperty('d');
    // A token from before the restart still verifies against the restarted IdP's keys (Rucio caches them).
    expect(decodeProtectedHeader(token).kid).toBe(devJwks.keys[0]!.kid);
    await expect(jwtVerify(token, createLocalJWKSet(after))).resolves.toBeTruthy();
  });
});

describe('the rucio client (client_credentials)', () => {
  it('gets a WLCG-shaped JWT for itself', async () => {
    const idp = await startIdp();
    started.push(idp);
    const config = await discover(idp.issuer, 'rucio');
    const tokens = await client.clientCredentialsGrant(config);
    const { payload, protectedHeader } = await jwtVerify(
      tokens.access_token,
      createLocalJWKSet(await publishedJwks(idp)),
      {
        issuer: idp.issuer,
        typ: 'at+jwt',
      },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: 'rucio',
      client_id: 'rucio',
      aud: 'https://wlcg.cern.ch/jwt/v1/any',
      'wlcg.ver': '1.0',
    });
    expect(payload.nbf).toBe(payload.iat);
  });

  it('may ask for an audience with a resource indicator', async () => {
    const idp = await startIdp();
    started.push(idp);
    const config = await discover(idp.issuer, 'rucio');
    const tokens = await client.clientCredentialsGrant(config, {
      resource: 'urn:x-aud:fts.example.org',
      scope: 'storage.read:/ctao',
    });
    const { payload } = await jwtVerify(
      tokens.access_token,
      createLocalJWKSet(await publishedJwks(idp)),
    );
    expect(payload.aud).toBe('fts.example.org');
    expect(payload.scope).toBe('storage.read:/ctao');
  });

  // The links client (storage-tokens.test.ts) is a service client too: nobody signs in with it.
  it.each(['rucio', DEV_CLIENTS.links.clientId])(
    '%s cannot use the authorization code flow',
    async (clientId) => {
      const idp = await startIdp();
      started.push(idp);
      const url = new URL(`${idp.issuer}authorize`);
      url.search = new URLSearchParams({
        client_id: clientId,
        response_type: 'code',
        scope: 'openid',
        redirect_uri: 'http://127.0.0.1:1/auth/callback',
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
      }).toString();
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status).toBe(400);
    },
  );
});
