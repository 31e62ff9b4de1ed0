import type { Request } from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { OidcPort, RefreshOptions, TokenResult } from '../../src/auth/oidc-port.ts';
import type { SessionTokens } from '../../src/auth/session-data.ts';
import { createTokenRefresher } from '../../src/auth/token-refresher.ts';
import { createStorageTokens } from '../../src/storage/storage-tokens.ts';
import { createTokenCache } from '../../src/storage/token-cache.ts';

const later = <T>(ms: number, value: T): Promise<T> =>
  new Promise((r) =>
    setTimeout(() => {
      r(value);
    }, ms),
  );

const STORAGE = { audience: 'urn:test:storage', scopePrefix: '/ctao', linksClient: null };

describe('the token cache', () => {
  it('when a token has more than 60 s left, then it is reused; within 60 s of expiry, then it is fetched again', async () => {
    let now = 0;
    const cache = createTokenCache({ now: () => now });
    let fetches = 0;
    const fetch = () => Promise.resolve({ accessToken: `t${++fetches}`, expiresAt: 300_000 });
    expect(await cache.get('k', fetch)).toBe('t1');
    now = 239_000;
    expect(await cache.get('k', fetch)).toBe('t1');
    now = 240_001;
    expect(await cache.get('k', fetch)).toBe('t2');
    expect(await cache.get('other', fetch)).toBe('t3');
  });

  it('when many ask for one key at once, then one fetch serves them all; a failure is not kept', async () => {
    const cache = createTokenCache();
    let fetches = 0;
    const slow = () =>
      later(30, { accessToken: `t${++fetches}`, expiresAt: Date.now() + 3_600_000 });
    const got = await Promise.all(Array.from({ length: 8 }, () => cache.get('k', slow)));
    expect(got).toEqual(Array(8).fill('t1'));
    expect(fetches).toBe(1);

    const failing = () => Promise.reject(new Error('IdP down'));
    await expect(cache.get('f', failing)).rejects.toThrow('IdP down');
    expect(await cache.get('f', slow)).toBe('t2');
  });
});

/** An OidcPort whose refresh rotates: RT<n> → RT<n+1>; redeeming a spent one fails, as at IAM. */
function rotatingIdp(delayMs = 20) {
  const redeemed: { token: string; options: RefreshOptions | undefined }[] = [];
  let n = 0;
  const oidc = {
    async refresh(token: string, options?: RefreshOptions): Promise<TokenResult> {
      if (redeemed.some((r) => r.token === token)) throw new Error(`reused ${token}`);
      redeemed.push({ token, options });
      n += 1;
      const result = {
        accessToken: `${options ? 'ST' : 'AT'}${n}`,
        refreshToken: `RT${n}`,
        idToken: undefined,
        expiresAt: Date.now() + 3_600_000,
        claims: undefined,
      };
      return later(delayMs, result);
    },
  } as unknown as OidcPort;
  return { oidc, redeemed };
}

/** What a request sees: its own copy of the session (as express-session loads it). */
function requestOf(sub: string, tokens: SessionTokens, sid = `sid-${sub}`) {
  const session = {
    user: { sub, iss: 'http://idp/', username: sub, name: undefined, email: undefined, groups: [] },
    tokens: { ...tokens },
    save: (cb: (err?: unknown) => void) => {
      cb();
    },
  };
  return { sessionID: sid, session } as unknown as Request & { session: typeof session };
}

const expiring = (refreshToken: string): SessionTokens => ({
  accessToken: 'AT0',
  refreshToken,
  idToken: undefined,
  expiresAt: Date.now() + 10_000, // inside the margin: the main token refreshes too
});

describe('storage tokens for a user', () => {
  it('when asked for, then a refresh narrowed to the storage audience and storage.read:/ctao, its rotated refresh token stored, the session token kept', async () => {
    const { oidc, redeemed } = rotatingIdp();
    const refresher = createTokenRefresher(oidc, pino({ level: 'silent' }));
    const tokens = createStorageTokens({ config: STORAGE, refresher });
    const req = requestOf('alice', { ...expiring('RT0'), expiresAt: Date.now() + 3_600_000 });

    expect(await tokens.forUser(req)).toBe('ST1');
    expect(redeemed).toEqual([
      { token: 'RT0', options: { audience: 'urn:test:storage', scope: 'storage.read:/ctao' } },
    ]);
    expect(req.session.tokens).toMatchObject({ accessToken: 'AT0', refreshToken: 'RT1' });
    // Cached per user and prefix: no second refresh; a narrower prefix is another token.
    expect(await tokens.forUser(req)).toBe('ST1');
    expect(await tokens.forUser(req, '/ctao/acada')).toBe('ST2');
    expect(redeemed[1]).toEqual({
      token: 'RT1',
      options: { audience: 'urn:test:storage', scope: 'storage.read:/ctao/acada' },
    });
  });

  it('when a storage token and the session token are refreshed at once from stale session copies, then each refresh token is redeemed once, in turn', async () => {
    const { oidc, redeemed } = rotatingIdp();
    const refresher = createTokenRefresher(oidc, pino({ level: 'silent' }));
    const tokens = createStorageTokens({ config: STORAGE, refresher });
    // Three requests of one session, all loaded before any refresh: all hold RT0.
    const [a, b, c] = [1, 2, 3].map(() => requestOf('alice', expiring('RT0'), 'one-session'));
    const results = await Promise.all([
      tokens.forUser(a!),
      refresher.accessToken(b!),
      tokens.forUser(c!, '/ctao/dpps'),
    ]);
    expect(results.map((r) => r.slice(0, 2))).toEqual(['ST', 'AT', 'ST']);
    expect(redeemed.map((r) => r.token)).toEqual(['RT0', 'RT1', 'RT2']);

    // A request loaded before a storage refresh spent its refresh token is led to the newer one.
    const first = requestOf('carol', expiring('RTc'), 'two');
    await tokens.forUser(first);
    const stale = requestOf('carol', expiring('RTc'), 'two');
    await refresher.accessToken(stale);
    expect(redeemed.slice(3).map((r) => r.token)).toEqual(['RTc', 'RT4']);
    expect(stale.session.tokens.refreshToken).toBe('RT5');
  });

  it('when many of one user’s requests ask at once, then one refresh; another user gets their own', async () => {
    const { oidc, redeemed } = rotatingIdp(30);
    const tokens = createStorageTokens({
      config: STORAGE,
      refresher: createTokenRefresher(oidc, pino({ level: 'silent' })),
    });
    const live = (rt: string) => ({ ...expiring(rt), expiresAt: Date.now() + 3_600_000 });
    const alice = Array.from({ length: 6 }, () => requestOf('alice', live('RTa')));
    const got = await Promise.all([
      ...alice.map((r) => tokens.forUser(r)),
      tokens.forUser(requestOf('bob', live('RTb'))),
    ]);
    expect(new Set(got.slice(0, 6)).size).toBe(1);
    expect(got[6]).not.toBe(got[0]);
    expect(redeemed.map((r) => r.token).sort()).toEqual(['RTa', 'RTb']);
  });

  it('when the prefix is not below STORAGE_TOKEN_SCOPE_PREFIX, then no token is asked for', async () => {
    const { oidc, redeemed } = rotatingIdp();
    const tokens = createStorageTokens({
      config: STORAGE,
      refresher: createTokenRefresher(oidc, pino({ level: 'silent' })),
    });
    const req = requestOf('alice', expiring('RT0'));
    for (const prefix of ['/', '/ctaox', '/other/ctao', '/ctao/../x', 'ctao'])
      await expect(tokens.forUser(req, prefix), prefix).rejects.toThrow(/no storage token/);
    expect(redeemed).toEqual([]);
  });
});

describe('storage tokens for the links service', () => {
  it('when a links client is configured, then its client_credentials token is cached per prefix; without one, 503', async () => {
    const asked: unknown[] = [];
    const serviceGrant = (params: { audience: string; scope: string }) => {
      asked.push(params);
      return later(10, { accessToken: `S${asked.length}`, expiresAt: Date.now() + 3_600_000 });
    };
    const unused = { narrowerToken: () => Promise.reject(new Error('not for services')) };
    const tokens = createStorageTokens({ config: STORAGE, refresher: unused, serviceGrant });
    const got = await Promise.all([tokens.forService(), tokens.forService()]);
    expect(got).toEqual(['S1', 'S1']);
    expect(await tokens.forService('/ctao/acada')).toBe('S2');
    expect(asked).toEqual([
      { audience: 'urn:test:storage', scope: 'storage.read:/ctao' },
      { audience: 'urn:test:storage', scope: 'storage.read:/ctao/acada' },
    ]);

    const none = createStorageTokens({ config: STORAGE, refresher: unused });
    await expect(none.forService()).rejects.toMatchObject({ status: 503 });
  });
});
