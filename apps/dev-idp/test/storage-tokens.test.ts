/**
 * Storage tokens the way IAM issues them: the portal narrows a user's refresh to the storage's
 * audience and a storage.read path; the links client gets its own by client_credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { DEV_CLIENTS, DEV_STORAGE_AUDIENCE, demoUser } from '@bdms/dev-fixtures';
import { startIdp, type RunningIdp } from './start-idp.ts';
import { discover, FULL_SCOPE, loginAs } from './oidc-client.ts';

let idp: RunningIdp;
let portal: client.Configuration;

beforeAll(async () => {
  idp = await startIdp();
  portal = await discover(idp.issuer);
});
afterAll(async () => {
  await idp.close();
});

async function claimsOf(token: string): Promise<JWTPayload> {
  const jwks = createRemoteJWKSet(new URL(`${idp.issuer}jwk`));
  return (await jwtVerify(token, jwks, { issuer: idp.issuer, typ: 'at+jwt' })).payload;
}

const errorOf = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

const LOGIN_SCOPE = `${FULL_SCOPE} storage.read:/`;
const storageRefresh = (refreshToken: string, scope: string) =>
  client.refreshTokenGrant(portal, refreshToken, { audience: DEV_STORAGE_AUDIENCE, scope });

describe('a user’s storage token by a narrower refresh', () => {
  it('when the login granted storage.read:/, then a refresh gets the storage audience with storage.read:/ctao only', async () => {
    const alice = demoUser('astronomer');
    const login = await loginAs(portal, alice, { scope: LOGIN_SCOPE });
    const main = await claimsOf(login.access_token);
    expect(main.aud).toBe('rucio');
    expect(String(main.scope).split(' ')).toEqual(
      expect.arrayContaining(['openid', 'storage.read:/']),
    );

    const storage = await storageRefresh(login.refresh_token!, 'storage.read:/ctao');
    expect(await claimsOf(storage.access_token)).toMatchObject({
      sub: alice.sub,
      aud: DEV_STORAGE_AUDIENCE,
      scope: 'storage.read:/ctao',
      client_id: DEV_CLIENTS.portal.clientId,
      'wlcg.ver': '1.0',
    });
    expect(storage.refresh_token).toBeTruthy();
    expect(storage.refresh_token).not.toBe(login.refresh_token);

    // The rotated refresh token still gives the main token: Rucio's audience, every scope.
    const again = await client.refreshTokenGrant(portal, storage.refresh_token!);
    const renewed = await claimsOf(again.access_token);
    expect(renewed.aud).toBe('rucio');
    expect(String(renewed.scope).split(' ')).toEqual(
      expect.arrayContaining(['openid', 'storage.read:/']),
    );
    // …and a narrower path again, with the refresh token that refresh rotated to.
    const dpps = await storageRefresh(again.refresh_token!, 'storage.read:/ctao/dpps');
    expect((await claimsOf(dpps.access_token)).scope).toBe('storage.read:/ctao/dpps');
  });

  it('when the refresh asks beyond the grant (another operation, a wider path), then invalid_scope and the refresh token stays good', async () => {
    const login = await loginAs(portal, demoUser('astronomer'), {
      scope: `${FULL_SCOPE} storage.read:/ctao`,
    });
    for (const scope of ['storage.modify:/ctao', 'storage.read:/', 'storage.read:/ctaox']) {
      const refused = await errorOf(storageRefresh(login.refresh_token!, scope));
      expect(refused, scope).toMatchObject({ error: 'invalid_scope' });
    }
    const ok = await storageRefresh(login.refresh_token!, 'storage.read:/ctao/acada');
    expect((await claimsOf(ok.access_token)).scope).toBe('storage.read:/ctao/acada');
  });

  it('when the login asked for no storage scope, then no storage scope can be had by refresh', async () => {
    const login = await loginAs(portal, demoUser('astronomer'));
    const refused = await errorOf(storageRefresh(login.refresh_token!, 'storage.read:/ctao'));
    expect(refused).toMatchObject({ error: 'invalid_scope' });
  });
});

describe('the links client (client_credentials)', () => {
  it('gets storage tokens for storage.read:/ctao and below, and nothing wider', async () => {
    const links = await discover(idp.issuer, 'links');
    const token = await client.clientCredentialsGrant(links, {
      audience: DEV_STORAGE_AUDIENCE,
      scope: 'storage.read:/ctao',
    });
    expect(await claimsOf(token.access_token)).toMatchObject({
      sub: DEV_CLIENTS.links.clientId,
      client_id: DEV_CLIENTS.links.clientId,
      aud: DEV_STORAGE_AUDIENCE,
      scope: 'storage.read:/ctao',
    });
    const narrow = await client.clientCredentialsGrant(links, {
      audience: DEV_STORAGE_AUDIENCE,
      scope: 'storage.read:/ctao/acada storage.read:/ storage.modify:/ctao storage.read:/ctaox',
    });
    expect((await claimsOf(narrow.access_token)).scope).toBe('storage.read:/ctao/acada');
  });
});
