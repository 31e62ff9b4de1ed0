/**
 * Storage tokens from the real dev IdP, through the BFF's own OIDC client: the signed-in user's
 * (a refresh narrowed to the storage's audience and storage.read:/ctao, its rotated refresh token
 * stored so the session lives on) and the links client's (client_credentials). Both read a seeded
 * file from the real token-protected storage.
 */
import type { Request } from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adler32Hex,
  DEV_CLIENTS,
  DEV_STORAGE_AUDIENCE,
  RUCIO_ROOT,
  demoUser,
} from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { createOidcClient } from '../../src/auth/oidc-client.ts';
import { createTokenRefresher } from '../../src/auth/token-refresher.ts';
import { createLogger } from '../../src/logger.ts';
import { storageTokensFor, type StorageTokens } from '../../src/storage/storage-tokens.ts';
import { IDP_ISSUER, login, RUCIO_URL, startBff, storedSessions, type TestBff } from './bff.ts';

const { file } = recordedMeta();
let bff: TestBff;
let tokens: StorageTokens;
let pfn = '';

beforeAll(async () => {
  bff = await startBff();
  const logger = createLogger(bff.config);
  const oidc = createOidcClient({ config: bff.config.oidc, logger });
  const storage = {
    audience: DEV_STORAGE_AUDIENCE,
    scopePrefix: '/ctao',
    linksClient: DEV_CLIENTS.links,
  };
  tokens = storageTokensFor(
    { oidc: bff.config.oidc, storage },
    createTokenRefresher(oidc, logger),
    logger,
  );
  const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
  const { token } = await rucio.authUserpass({
    username: RUCIO_ROOT.username,
    password: RUCIO_ROOT.password,
  });
  for await (const row of rucio.listFileReplicas({ token, dids: [file] }))
    pfn ||= Object.entries(row.pfns ?? {}).find(([, p]) => p.type === 'DISK')?.[0] ?? '';
});
afterAll(async () => {
  await bff.stop();
});

const sidOf = (cookie: string): string =>
  decodeURIComponent(cookie.split('=')[1] ?? '')
    .slice(2)
    .split('.')[0] ?? '';

/** The request the download route will hand over: the stored session, saved back to the store. */
async function requestFor(sid: string): Promise<Request> {
  const data = (await storedSessions(bff))[sid];
  if (!data) throw new Error('no session');
  const copy = structuredClone(data);
  const save = (cb: (err?: unknown) => void): void => {
    bff.sessions.store.set(sid, copy, cb);
  };
  // Stored as it was loaded: the store keeps data, never the save method.
  const session = new Proxy(copy, {
    get: (target, key) => (key === 'save' ? save : (Reflect.get(target, key) as unknown)),
  });
  return { sessionID: sid, session } as unknown as Request;
}

async function claimsOf(token: string) {
  const jwks = createRemoteJWKSet(new URL(`${IDP_ISSUER}jwk`));
  return (await jwtVerify(token, jwks, { issuer: IDP_ISSUER })).payload;
}

async function readWith(token: string): Promise<{ status: number; adler32: string }> {
  const res = await fetch(pfn, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, adler32: adler32Hex(new Uint8Array(await res.arrayBuffer())) };
}

describe('storage tokens from the real IdP', () => {
  it('when a signed-in user needs one, then a narrowed refresh gives the storage’s audience and storage.read:/ctao, the rotated refresh token is stored, and the session lives on', async () => {
    const alice = demoUser('astronomer');
    const { cookie } = await login(bff, alice);
    const sid = sidOf(cookie);
    const before = (await storedSessions(bff))[sid]?.tokens;
    expect(String((await claimsOf(before?.accessToken ?? '')).scope).split(' ')).toContain(
      'storage.read:/',
    );

    const token = await tokens.forUser(await requestFor(sid));
    expect(await claimsOf(token)).toMatchObject({
      sub: alice.sub,
      aud: DEV_STORAGE_AUDIENCE,
      scope: 'storage.read:/ctao',
    });
    const after = (await storedSessions(bff))[sid]?.tokens;
    expect(after?.refreshToken).toBeTruthy();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.accessToken).toBe(before?.accessToken);

    expect(await readWith(token)).toEqual({ status: 200, adler32: file.adler32 });
    // Cached: the same token again, no second refresh (which would rotate the stored one).
    expect(await tokens.forUser(await requestFor(sid))).toBe(token);
    expect((await storedSessions(bff))[sid]?.tokens.refreshToken).toBe(after?.refreshToken);

    // The BFF's own refresh redeems the stored (rotated) refresh token: the grant is alive.
    const stored = (await storedSessions(bff))[sid];
    if (!stored) throw new Error('session gone');
    stored.tokens.expiresAt = Date.now() + 10_000;
    await new Promise<void>((resolve, reject) => {
      bff.sessions.store.set(sid, stored, (err) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve();
      });
    });
    expect((await fetch(`${bff.url}/api/me`, { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('when signed links need one, then the links client’s client_credentials token reads the storage', async () => {
    const token = await tokens.forService();
    expect(await claimsOf(token)).toMatchObject({
      sub: DEV_CLIENTS.links.clientId,
      aud: DEV_STORAGE_AUDIENCE,
      scope: 'storage.read:/ctao',
    });
    expect(await readWith(token)).toEqual({ status: 200, adler32: file.adler32 });
    const narrower = await tokens.forService('/ctao/dpps');
    expect((await claimsOf(narrower)).scope).toBe('storage.read:/ctao/dpps');
    expect((await readWith(narrower)).status).toBe(403);
  });
});
