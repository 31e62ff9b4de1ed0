import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import {
  usageRows,
  type MyQuota,
  type QuotaUsageOverview,
  type RseUsageTotals,
} from '@bdms/contract';
import { createRucioClient } from '@bdms/rucio-client';
import { asRoot } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';

const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bdms-bff-test' });
const all = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
};

let bff: TestBff;
let token: string;
let admin: string;
let astronomer: string;
const restore: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  bff = await startBff();
  token = (await rucio.authUserpass(RUCIO_ROOT)).token;
  admin = (await login(bff, demoUser('admin'))).cookie;
  astronomer = (await login(bff, demoUser('astronomer'))).cookie;
});
afterAll(async () => {
  for (const undo of restore.reverse()) await undo();
  await bff.stop();
});

const get = async (cookie: string, path: string) => {
  const res = await fetch(`${bff.url}${path}`, { headers: { Cookie: cookie } });
  return { status: res.status, json: await res.json() };
};

const limitPath = (account: string, rse: string) =>
  `/accounts/${account}/limits/local/${encodeURIComponent(rse)}`;

/** Sets root's local limit on `rse` straight in Rucio (-1: unlimited) and puts the old one back after. */
async function setRootLimit(rse: string, bytes: number): Promise<void> {
  const before = (await all(rucio.listRseAccountUsage({ token, rse }))).find(
    (a) => a.account === 'root',
  )?.quota_bytes;
  restore.push(() =>
    before === null || before === undefined
      ? asRoot(RUCIO_URL, token, limitPath('root', rse), 'DELETE')
      : asRoot(RUCIO_URL, token, limitPath('root', rse), 'POST', {
          bytes: before === Number.POSITIVE_INFINITY ? -1 : before,
        }),
  );
  await asRoot(RUCIO_URL, token, limitPath('root', rse), 'POST', { bytes });
}

describe('quota usage against the real Rucio', () => {
  it('when an admin opens the overview, then every account × RSE row is what Rucio answers per RSE, with over and unlimited marked', async () => {
    const rses = (await all(rucio.listRses({ token }))).map((r) => r.rse).sort();
    const [over, unlimited] = rses.filter((r) => r !== 'PIC-TAPE');
    if (!over || !unlimited) throw new Error('the stack needs two disk RSEs');
    await setRootLimit(over, 1000);
    await setRootLimit(unlimited, -1);

    const { status, json } = await get(admin, '/api/quotas/usage');
    const body = json as QuotaUsageOverview;
    expect(status).toBe(200);
    expect(body.rses).toEqual(rses);
    const table = usageRows(body);
    // Rows by RSE, then account; every account Rucio names on any RSE is listed once.
    const order = table.map((r) => `${r.rse}\u0000${r.account}`);
    expect(order).toEqual([...order].sort());
    const named = new Set<string>();
    for (const rse of rses) {
      const truth = await all(rucio.listRseAccountUsage({ token, rse }));
      for (const t of truth) named.add(t.account);
      const rows = table.filter((r) => r.rse === rse);
      const expected = truth.filter((t) => t.quota_bytes != null || (t.used_bytes ?? 0) > 0);
      expect(rows.map((r) => r.account).sort()).toEqual(expected.map((t) => t.account).sort());
      for (const t of expected) {
        const row = rows.find((r) => r.account === t.account);
        expect(row?.usedBytes).toBe(t.used_bytes ?? 0);
        expect(row?.usedFiles).toBe(t.used_files ?? 0);
      }
    }
    const rootOver = table.find((r) => r.account === 'root' && r.rse === over);
    expect(rootOver).toMatchObject({ limitBytes: 1000, unlimited: false, status: 'over' });
    expect(rootOver?.usedShare).toBeGreaterThan(1);
    const rootUnlimited = table.find((r) => r.account === 'root' && r.rse === unlimited);
    expect(rootUnlimited).toMatchObject({ limitBytes: null, unlimited: true, status: 'unlimited' });
    // On the wire: one entry per row in every column, unlimited as Rucio stores it (-1).
    const at = table.indexOf(rootUnlimited as (typeof table)[number]);
    expect(body.columns.limit[at]).toBe(-1);
    for (const column of Object.values(body.columns)) expect(column).toHaveLength(table.length);
    expect(body.accounts).toEqual([...named].sort());
    expect(body.accounts).toEqual(expect.arrayContaining(['alice', 'ctaoadmin', 'root']));
  });

  it('when an astronomer asks for the overview, then 403 without a call to Rucio for it', async () => {
    const { status, json } = await get(astronomer, '/api/quotas/usage');
    const body = json as { error: { code: string } };
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
  });

  it('when anyone asks for RSE totals, then used and files are Rucio’s own counter, with when abacus last changed it', async () => {
    const { status, json } = await get(astronomer, '/api/quotas/rses');
    const body = json as RseUsageTotals;
    expect(status).toBe(200);
    for (const total of body.rses) {
      const rucioRecord = (await all(rucio.listRseUsage({ token, rse: total.rse }))).find(
        (u) => u.source === 'rucio',
      );
      expect(total.usedBytes).toBe(rucioRecord?.used ?? null);
      expect(total.files).toBe(rucioRecord?.files ?? null);
      expect(total.updatedAt).toBe(
        rucioRecord?.updated_at ? new Date(rucioRecord.updated_at).toISOString() : null,
      );
    }
    const newest = body.rses
      .flatMap((r) => (r.updatedAt ? [r.updatedAt] : []))
      .sort()
      .at(-1);
    expect(body.computedAt).toBe(newest ?? null);
  });

  it('when the astronomer opens my quota, then her local and global limits and usage are Rucio’s for her account', async () => {
    const alice = demoUser('astronomer');
    const { status, json } = await get(astronomer, '/api/quotas/me');
    const body = json as MyQuota;
    expect(status).toBe(200);
    expect(body.account).toBe(alice.rucioAccount);
    const local = await all(rucio.listLocalUsage({ token, account: alice.rucioAccount }));
    expect(body.local.map((l) => l.rse)).toEqual(local.map((l) => l.rse).sort());
    for (const l of local) {
      const mine = body.local.find((m) => m.rse === l.rse);
      expect(mine?.usedBytes).toBe(l.bytes ?? 0);
      if (l.bytes_limit === Number.POSITIVE_INFINITY) expect(mine?.unlimited).toBe(true);
      else expect(mine?.limitBytes).toBe(l.bytes_limit);
    }
    const global = await all(rucio.listGlobalUsage({ token, account: alice.rucioAccount }));
    expect(body.global.map((g) => g.expression)).toEqual(
      global.map((g) => g.rse_expression).sort(),
    );
  });
});
