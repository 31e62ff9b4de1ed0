import { expect, test } from '@playwright/test';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { startDemoTransfer } from '@bdms/rucio-client/testing';
import { keepScreenshot } from '../../support/screenshots.ts';
import { expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { e2eEnv } from '../../support/env.ts';
import { signIn } from '../../support/login.ts';

const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });

test('an admin watches a rule’s transfers fly between two RSEs on the sites map, then land', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoUser('admin'), '/sites');
  const panel = page.getByRole('region', { name: 'Transfers in flight' });
  await expect(panel.getByTestId('updated-at')).toBeVisible();

  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const transfer = await startDemoTransfer(rucio, token);
  // The stack's loop submits within a round (5 s) and holds them in flight 10 s; the panel
  // refreshes every 5 s.
  const pairs = panel.getByRole('table', { name: 'Transfers per RSE pair' });
  const row = pairs.getByRole('row').filter({ hasText: transfer.rse });
  await expect(row.first()).toContainText('SUBMITTED', { timeout: 30_000 });
  const source = (await row.first().getByRole('rowheader').innerText()).trim();
  const map = page.getByRole('application', { name: /^Map of/ });
  await expect(
    map.getByRole('img', { name: new RegExp(`from ${source} to ${transfer.rse}`) }),
  ).toBeVisible();
  await keepScreenshot(map, 'sites-map-transfer-in-flight');
  await expect(
    panel.getByRole('table', { name: 'Transfers in flight' }).getByRole('link').first(),
  ).toContainText(transfer.dataset.name);
  await expectNoSeriousA11yViolations(page, 'sites with transfers in flight');

  // Done: the pair leaves the panel, and the rule's copies are there.
  await expect(row).toHaveCount(0, { timeout: 60_000 });
  const rule = await fetch(`${e2eEnv.rucioUrl}/rules/${transfer.ruleId}`, {
    headers: { 'X-Rucio-Auth-Token': token },
  });
  expect(((await rule.json()) as { state: string }).state).toBe('OK');
});

test('an astronomer is not shown transfers, and the BFF refuses them to her', async ({ page }) => {
  await signIn(page, demoUser('astronomer'), '/sites');
  await expect(page.getByRole('table', { name: 'RSEs' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Transfers in flight' })).toHaveCount(0);
  const status = await page.evaluate(async () => (await fetch('/api/transfers')).status);
  expect(status).toBe(403);
});
