import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { usageRows, type QuotaUsageOverview, type RseUsageTotals } from '@bdms/contract';
import { createRucioClient } from '@bdms/rucio-client';
import { asRoot, FRESH_SCOPE, freshFiles, freshRun } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';

const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bdms-bff-test' });
const RSE = 'CTAO-S-ONSITE';
const SIZE = 2345;

let bff: TestBff;
let admin: string;
beforeAll(async () => {
  bff = await startBff();
  admin = (await login(bff, demoUser('admin'))).cookie;
});
afterAll(async () => {
  await bff.stop();
});

const overview = async () =>
  (await (
    await fetch(`${bff.url}/api/quotas/usage`, { headers: { Cookie: admin } })
  ).json()) as QuotaUsageOverview;
const totals = async () =>
  (await (
    await fetch(`${bff.url}/api/quotas/rses`, { headers: { Cookie: admin } })
  ).json()) as RseUsageTotals;
const rootUsed = (o: QuotaUsageOverview) =>
  usageRows(o).find((r) => r.account === 'root' && r.rse === RSE)?.usedBytes ?? 0;

describe('usage is counted while the stack runs (abacus in the transfer loop)', () => {
  it('when root gets a new rule on a file already on the RSE, then its usage there and the RSE counter grow within a few rounds, with a newer computed-at', async () => {
    const token = (await rucio.authUserpass(RUCIO_ROOT)).token;
    const before = { used: rootUsed(await overview()), totals: await totals() };
    const name = `/ctao/${FRESH_SCOPE}/quota-usage/${freshRun()}.dat`;
    await freshFiles(RUCIO_URL, token, RSE, [name], SIZE);
    // A rule where the replica already is: its lock is OK at once; only abacus is left to count it.
    await asRoot(RUCIO_URL, token, '/rules/', 'POST', {
      dids: [{ scope: FRESH_SCOPE, name }],
      account: 'root',
      copies: 1,
      rse_expression: RSE,
      lifetime: 600,
      comment: 'bff test: quota usage freshness',
    });
    let used = before.used;
    const deadline = Date.now() + 60_000;
    while (used < before.used + SIZE && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      used = rootUsed(await overview());
    }
    expect(used).toBeGreaterThanOrEqual(before.used + SIZE);
    const after = await totals();
    const rse = (t: RseUsageTotals) => t.rses.find((r) => r.rse === RSE);
    expect(rse(after)?.usedBytes ?? 0).toBeGreaterThanOrEqual(
      (rse(before.totals)?.usedBytes ?? 0) + SIZE,
    );
    expect(Date.parse(after.computedAt ?? '')).toBeGreaterThan(
      Date.parse(before.totals.computedAt ?? '1970-01-01T00:00:00Z'),
    );
  }, 90_000);
});
