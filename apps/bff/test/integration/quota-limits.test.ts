import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorBody,
  LimitChange,
  LimitsOverview,
  QuotaAuditPage,
  QuotaPermissions,
  QUOTA_AUDIT_CSV_COLUMNS,
} from '@bdms/contract';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { all } from './did-helpers.ts';
import { login, RUCIO_URL, sessionId, startBff, storedSessions, type TestBff } from './bff.ts';

/*
 * Account limits through a real BFF, signed in as the demo admin (Rucio account ctaoadmin, which
 * has the `admin` attribute) and as the astronomer (alice, no rights), each value read back
 * straight from Rucio's REST API as root. The limits changed here are the astronomer's on
 * CTAO-S-ONSITE (she has none there in the seed) and global limits on expressions of this run's
 * own (`<RSE>\<run>=1` resolves to the RSE): all are removed afterwards.
 */
let bff: TestBff;
let admin = '';
let astronomer = '';
let astronomerToken = '';
let root = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
const run = `bdmsq${Date.now().toString(36)}`;
const onsite = `CTAO-S-ONSITE\\${run}=1`;
const desy = `DESY-ZN-DISK\\${run}=1`;

beforeAll(async () => {
  bff = await startBff();
  admin = (await login(bff, demoUser('admin'))).cookie;
  astronomer = (await login(bff, demoUser('astronomer'))).cookie;
  astronomerToken = (await storedSessions(bff))[sessionId(astronomer)]?.tokens.accessToken ?? '';
  root = (await rucio.authUserpass(RUCIO_ROOT)).token;
});
afterAll(async () => {
  await rucio.deleteLocalLimit({ token: root, account: 'alice', rse: 'CTAO-S-ONSITE' });
  for (const expression of [onsite, desy])
    await rucio.deleteGlobalLimit({ token: root, account: 'alice', expression });
  await bff.stop();
});

const call = (cookie: string, method: string, path: string, body?: unknown) =>
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
async function failure(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return ApiErrorBody.parse(JSON.parse(text)).error;
}
const localPath = (account: string, rse: string) => `/api/quotas/limits/local/${account}/${rse}`;
const globalPath = (account: string, expression: string) =>
  `/api/quotas/limits/global/${account}/${encodeURIComponent(expression)}`;
/** Straight from Rucio's REST API, as root (the parsed `Infinity` included). */
const rucioLocal = async (account: string, rse: string) =>
  (await rucio.getLocalLimits({ token: root, account }))[rse];
const rucioGlobal = async (account: string, expression: string) =>
  (await rucio.getGlobalLimits({ token: root, account }))[expression];
const audit = async (query: string) =>
  QuotaAuditPage.parse(await ok(await call(admin, 'GET', `/api/quotas/audit?${query}`)));

describe('account limits against the real Rucio', () => {
  it('when the admin sets a local and a global limit, then Rucio holds exactly them and the audit shows both', async () => {
    const local = LimitChange.parse(
      await ok(await call(admin, 'PUT', localPath('alice', 'CTAO-S-ONSITE'), { limit: 5e9 })),
    );
    expect(local).toMatchObject({ before: null, after: 5e9, result: 'accepted' });
    expect(await rucioLocal('alice', 'CTAO-S-ONSITE')).toBe(5e9);

    const global = LimitChange.parse(
      await ok(await call(admin, 'PUT', globalPath('alice', onsite), { limit: 'unlimited' })),
    );
    expect(global).toMatchObject({ result: 'accepted', resolvedRses: ['CTAO-S-ONSITE'] });
    expect(await rucioGlobal('alice', onsite)).toMatchObject({ limit: Infinity });

    const again = LimitChange.parse(
      await ok(await call(admin, 'PUT', localPath('alice', 'CTAO-S-ONSITE'), { limit: 5e9 })),
    );
    expect(again.result).toBe('unchanged');

    const { entries } = await audit('account=alice&rse=CTAO-S-ONSITE&limit=10');
    const ours = entries.filter((e) => [local.auditId, global.auditId].includes(e.id));
    expect(ours.map((e) => [e.kind, e.result, e.before, e.after, e.requestId])).toEqual([
      ['global', 'accepted', null, 'unlimited', global.requestId],
      ['local', 'accepted', null, 5e9, local.requestId],
    ]);
    expect(ours[0]?.actor).toMatchObject({ username: 'oscar', account: 'ctaoadmin' });
  });

  it('when the admin lists the limits, then every account × RSE cell has Rucio’s value and the admin may set them everywhere', async () => {
    const overview = LimitsOverview.parse(await ok(await call(admin, 'GET', '/api/quotas/limits')));
    const cell = overview.local.find((c) => c.account === 'alice' && c.rse === 'DESY-ZN-DISK');
    expect(cell?.limit).toBe(await rucioLocal('alice', 'DESY-ZN-DISK'));
    expect(overview.local).toHaveLength(overview.accounts.length * overview.rses.length);
    expect(
      overview.global.find((g) => g.account === 'alice' && g.expression === onsite)?.limit,
    ).toBe('unlimited');
    expect(overview.permissions).toMatchObject({
      portalAdmin: true,
      rucioAdmin: true,
      reason: null,
    });
    expect(overview.permissions.rses).toHaveLength(overview.rses.length);
  });

  it('when input is bad, then 400 names the field and nothing is written', async () => {
    const before = await rucioLocal('alice', 'CTAO-S-ONSITE');
    const cases: [string, unknown, string][] = [
      [localPath('alice', 'CTAO-S-ONSITE'), { limit: -1 }, 'limit'],
      [localPath('alice', 'CTAO-S-ONSITE'), { limit: 1.5 }, 'limit'],
      [localPath('alice', 'CTAO-S-ONSITE'), { limit: 2e18 }, 'limit'],
      [localPath('alice', 'CTAO-S-ONSITE'), { limit: '10 TB' }, 'limit'],
      [localPath('alice', 'NO-SUCH-RSE'), { limit: 1 }, 'rse'],
      [localPath('nosuchaccount', 'CTAO-S-ONSITE'), { limit: 1 }, 'account'],
      [globalPath('alice', `${run}=2`), { limit: 1 }, 'expression'],
    ];
    for (const [path, body, field] of cases) {
      const error = await failure(await call(admin, 'PUT', path, body), 400);
      expect(error.code).toBe('bad_request');
      expect(error.message).toContain(field);
    }
    expect(await rucioLocal('alice', 'CTAO-S-ONSITE')).toBe(before);
    expect(
      (await rucio.getGlobalLimits({ token: root, account: 'alice' }))[`${run}=2`],
    ).toBeUndefined();
  });

  it('when a limit goes below usage, then it takes confirmBelowUsage, and the 409 says the usage', async () => {
    // The seed gives alice a few kB on DESY-ZN-DISK.
    const usage = await all(rucio.listLocalUsage({ token: root, account: 'alice' }));
    const used = usage.find((u) => u.rse === 'DESY-ZN-DISK')?.bytes ?? 0;
    expect(used).toBeGreaterThan(1);
    const error = await failure(
      await call(admin, 'PUT', globalPath('alice', desy), { limit: 1 }),
      409,
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/stores [\d,]+ bytes/);
    expect(await rucioGlobal('alice', desy)).toBeUndefined();
    const change = LimitChange.parse(
      await ok(
        await call(admin, 'PUT', globalPath('alice', desy), { limit: 1, confirmBelowUsage: true }),
      ),
    );
    // Removed at once: a 1-byte cap would refuse the astronomer's rules on DESY-ZN-DISK.
    await ok(await call(admin, 'DELETE', globalPath('alice', desy)));
    expect(change.usedBytes).toBe(used);
    expect(await rucioGlobal('alice', desy)).toBeUndefined();
  });

  it('when the astronomer writes a limit, then the BFF answers 403 and Rucio refuses the same write with her token', async () => {
    const perms = QuotaPermissions.parse(
      await ok(await call(astronomer, 'GET', '/api/quotas/permissions')),
    );
    expect(perms).toMatchObject({ portalAdmin: false, rucioAdmin: false, rses: [] });
    const error = await failure(
      await call(astronomer, 'PUT', localPath('alice', 'CTAO-S-ONSITE'), { limit: 1e15 }),
      403,
    );
    expect(error.message).toContain('/ctao/admins');
    await expect(
      rucio.setLocalLimit({
        token: astronomerToken,
        account: 'alice',
        rse: 'CTAO-S-ONSITE',
        bytes: 1e15,
      }),
    ).rejects.toMatchObject({ status: 401, exceptionClass: 'AccessDenied' });
    expect(await rucioLocal('alice', 'CTAO-S-ONSITE')).toBe(5e9);
  });

  it('when the admin removes the limits, then Rucio has none and the audit says delete', async () => {
    const local = LimitChange.parse(
      await ok(await call(admin, 'DELETE', localPath('alice', 'CTAO-S-ONSITE'))),
    );
    const global = LimitChange.parse(
      await ok(await call(admin, 'DELETE', globalPath('alice', onsite))),
    );
    expect([local.before, local.after, global.before, global.after]).toEqual([
      5e9,
      null,
      'unlimited',
      null,
    ]);
    expect(await rucioLocal('alice', 'CTAO-S-ONSITE')).toBeUndefined();
    expect(await rucioGlobal('alice', onsite)).toBeUndefined();
    const { entries } = await audit('account=alice&result=accepted&limit=5');
    expect(entries.find((e) => e.id === local.auditId)?.action).toBe('delete');
  });

  it('when the audit is paged and exported, then the pages follow each other and the CSV holds every row', async () => {
    const all: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await audit(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.entries.map((e) => e.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(new Set(all).size).toBe(all.length);
    expect(all.map(Number)).toEqual([...all.map(Number)].sort((a, b) => b - a));
    const res = await call(admin, 'GET', '/api/quotas/audit/export?account=alice');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="quota-audit-/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(QUOTA_AUDIT_CSV_COLUMNS.join(','));
    expect(lines.slice(1).filter((l) => l.includes(',alice,'))).toHaveLength(lines.length - 1);
    expect(lines.length - 1).toBe((await audit('account=alice&limit=100')).entries.length);
    const forbidden = await call(astronomer, 'GET', '/api/quotas/audit/export');
    expect(forbidden.status).toBe(403);
  });
});
