import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, LimitChange, Me, MyAccounts, QuotaPermissions } from '@bdms/contract';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { all } from './did-helpers.ts';
import {
  IDP_ISSUER,
  login,
  RUCIO_URL,
  sessionId,
  startBff,
  storedSessions,
  type TestBff,
} from './bff.ts';

/*
 * A Rucio country admin through a real BFF: a portal admin (oscar, in the IAM admin group) whose
 * session acts as a fresh Rucio account of this run that is neither root nor `admin`, only
 * `country-<cc>=admin`. The BFF's mirror of Rucio's rule must agree with Rucio's own answers.
 *
 * How the session gets that account: Rucio 41 ignores X-Rucio-Account for a JWT (rucio/rucio#8380)
 * and binds each JWT, the first time it sees it, to its identity's default account, else to the
 * identity's oldest mapping (core/oidc.py __get_rucio_jwt_dict). So oscar's identity is mapped to
 * the fresh account too (not as default); then, for one Rucio call, his mapping to ctaoadmin is
 * removed while his brand-new session token is shown to Rucio, and put back at once. That token
 * acts as the fresh account for its life; oscar's other tokens keep ctaoadmin. (A token of oscar's
 * first seen by Rucio inside that window, from another process, would be bound to the fresh
 * account too: the window is three Rucio calls long.) Everything is removed afterwards.
 */
let bff: TestBff;
let cookie = '';
let oscarToken = '';
let root = '';
let cc = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
const oscar = demoUser('admin');
const identity = `SUB=${oscar.sub}, ISS=${IDP_ISSUER}`;
/** Rucio account names: ≤ 25 of [a-z0-9-_]. */
const fresh = `bdmsca-${Date.now().toString(36)}`;
// Seed RSEs of two countries (ES and DE in the devstack; read from Rucio, not assumed).
const own = 'CTAO-N-ONSITE';
const other = 'DESY-ZN-DISK';

/** A root call to Rucio's REST API for what the client does not offer (accounts, identities). */
async function asRoot(method: string, path: string, body: unknown, ok: readonly number[]) {
  const res = await fetch(`${RUCIO_URL}${path}`, {
    method,
    headers: { 'X-Rucio-Auth-Token': root, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!ok.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return res.status;
}
const mapping = (account: string, method: 'POST' | 'DELETE', isDefault = false) =>
  asRoot(
    method,
    `/accounts/${account}/identities`,
    method === 'POST'
      ? { identity, authtype: 'OIDC', email: oscar.email, default: isDefault }
      : { identity, authtype: 'OIDC' },
    method === 'POST' ? [201] : [200],
  );

/** Shows the token to Rucio while its identity's only mapping is the fresh account. */
async function bindToFresh(token: string): Promise<string> {
  await mapping(oscar.rucioAccount, 'DELETE');
  try {
    return await rucio.whoami({ token });
  } finally {
    await mapping(oscar.rucioAccount, 'POST', true);
  }
}

/** Every RSE with its `country` attribute, as root sees them. */
async function rseCountries(): Promise<Map<string, unknown>> {
  const rses = (await all(rucio.listRses({ token: root }))).map((r) => r.rse);
  const attrs = await Promise.all(rses.map((rse) => rucio.getRseAttributes({ token: root, rse })));
  return new Map(rses.map((rse, i) => [rse, attrs[i]?.country]));
}

beforeAll(async () => {
  root = (await rucio.authUserpass(RUCIO_ROOT)).token;
  const countries = await rseCountries();
  cc = String(countries.get(own));
  expect([typeof countries.get(own), typeof countries.get(other)]).toEqual(['string', 'string']);
  expect(countries.get(other)).not.toBe(cc);
  await asRoot('POST', `/accounts/${fresh}`, { type: 'USER', email: oscar.email }, [201]);
  await asRoot('POST', `/accounts/${fresh}/attr/country-${cc}`, { value: 'admin' }, [201]);
  await mapping(fresh, 'POST');
  bff = await startBff();
  cookie = (await login(bff, oscar)).cookie;
  // The BFF has not shown this token to Rucio yet (its first Rucio call would).
  oscarToken = (await storedSessions(bff))[sessionId(cookie)]?.tokens.accessToken ?? '';
  expect(await bindToFresh(oscarToken)).toBe(fresh);
});

afterAll(async () => {
  const steps: (() => Promise<unknown>)[] = [
    // Whatever local limits the account still has (a test that failed half-way).
    async () => {
      const left = Object.keys(await rucio.getLocalLimits({ token: root, account: fresh }));
      for (const rse of left) await rucio.deleteLocalLimit({ token: root, account: fresh, rse });
    },
    // Put back in case the window above was left early; 409 when it is there (the normal case).
    () =>
      asRoot(
        'POST',
        `/accounts/${oscar.rucioAccount}/identities`,
        { identity, authtype: 'OIDC', email: oscar.email, default: true },
        [201, 409],
      ),
    () => mapping(fresh, 'DELETE'),
    () => asRoot('DELETE', `/accounts/${fresh}/attr/country-${cc}`, {}, [200]),
    // Rucio never forgets an account; deleting disables it (gone from GET /accounts/).
    () => asRoot('DELETE', `/accounts/${fresh}`, {}, [200]),
    () => bff.stop(),
  ];
  const problems: unknown[] = [];
  for (const step of steps)
    await step().catch((error: unknown) => {
      problems.push(error);
    });
  const left = await rucio.listIdentityAccounts({ token: root, identity, type: 'OIDC' });
  if (left.join() !== oscar.rucioAccount) problems.push(new Error(`oscar maps to ${left.join()}`));
  if (problems.length) throw new AggregateError(problems, 'cleanup of the country admin failed');
});

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${bff.url}${path}`, {
    method,
    headers: {
      Cookie: cookie,
      'x-csrf': '1',
      Origin: bff.url,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
async function ok(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${String(res.status)} ${text}`);
  return JSON.parse(text) as unknown;
}
const localPath = (rse: string) => `/api/quotas/limits/local/${fresh}/${rse}`;
/** GET /accounts/<fresh>/limits/local/<rse> as root: the bytes, or null when none is set. */
const rucioLocal = async (rse: string) =>
  (await rucio.getLocalLimits({ token: root, account: fresh, rse }))[rse] ?? null;
const permissions = async () =>
  QuotaPermissions.parse(await ok(await call('GET', '/api/quotas/permissions')));

describe('a country admin against the real Rucio', () => {
  it('when the admin’s session picks the fresh account, then the BFF and Rucio act as it, a country admin only', async () => {
    const chosen = MyAccounts.parse(
      await ok(await call('PUT', '/api/me/account', { account: fresh })),
    );
    expect(chosen).toEqual({ accounts: [fresh, oscar.rucioAccount].sort(), active: fresh });
    expect(Me.parse(await ok(await call('GET', '/api/me')))).toMatchObject({
      username: 'oscar',
      account: fresh,
      isAdmin: true,
    });
    expect(await rucio.whoami({ token: oscarToken })).toBe(fresh);
    expect(await rucio.getAccountAttributes({ token: root, account: fresh })).toEqual([
      { key: `country-${cc}`, value: 'admin' },
    ]);
  });

  it('when it asks for permissions, then the BFF offers exactly the RSEs whose country is its own', async () => {
    const countries = await rseCountries();
    const ofCountry = [...countries].filter(([, c]) => c === cc).map(([rse]) => rse);
    expect(await permissions()).toEqual({
      portalAdmin: true,
      account: fresh,
      rucioAdmin: false,
      countries: [cc],
      rses: ofCountry.sort(),
      reason: null,
    });
    expect(ofCountry).toContain(own);
    expect(ofCountry).not.toContain(other);
  });

  it('when it sets and removes a limit on an RSE of its country, then the BFF accepts both and Rucio holds exactly that', async () => {
    const set = LimitChange.parse(await ok(await call('PUT', localPath(own), { limit: 3e9 })));
    expect(set).toMatchObject({ account: fresh, rse: own, before: null, after: 3e9 });
    expect(set.result).toBe('accepted');
    expect(await rucioLocal(own)).toBe(3e9);

    const removed = LimitChange.parse(await ok(await call('DELETE', localPath(own))));
    expect(removed).toMatchObject({ before: 3e9, after: null, result: 'accepted' });
    expect(await rucioLocal(own)).toBeNull();
  });

  it('when it sets a limit on another country’s RSE, then the BFF answers 403 and Rucio holds nothing', async () => {
    for (const [method, body] of [
      ['PUT', { limit: 3e9 }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(method, localPath(other), body);
      const text = await res.text();
      expect(res.status, text).toBe(403);
      const { error } = ApiErrorBody.parse(JSON.parse(text));
      expect(error.code).toBe('forbidden');
      expect(error.message).toContain(`${fresh} set account limits on ${other}`);
      expect(error.message).toContain(`country admin of ${cc}`);
    }
    expect(await rucioLocal(other)).toBeNull();
  });

  it('when the same writes go straight to Rucio with the session’s token, then Rucio accepts exactly the RSEs the BFF offers', async () => {
    await expect(
      rucio.setLocalLimit({ token: oscarToken, account: fresh, rse: other, bytes: 1e9 }),
    ).rejects.toMatchObject({ status: 401, exceptionClass: 'AccessDenied' });
    expect(await rucioLocal(other)).toBeNull();

    await rucio.setLocalLimit({ token: oscarToken, account: fresh, rse: own, bytes: 4e9 });
    expect(await rucioLocal(own)).toBe(4e9);

    // Every RSE Rucio knows: what Rucio lets this token do is what the BFF said it may.
    const accepted: string[] = [];
    for (const rse of (await rseCountries()).keys()) {
      try {
        await rucio.setLocalLimit({ token: oscarToken, account: fresh, rse, bytes: 5e9 });
      } catch (error) {
        expect(error, rse).toMatchObject({ status: 401, exceptionClass: 'AccessDenied' });
        expect(await rucioLocal(rse), rse).toBeNull();
        continue;
      }
      accepted.push(rse);
      expect(await rucioLocal(rse), rse).toBe(5e9);
      await rucio.deleteLocalLimit({ token: oscarToken, account: fresh, rse });
      expect(await rucioLocal(rse), rse).toBeNull();
    }
    expect(accepted.sort()).toEqual((await permissions()).rses);
  });
});
