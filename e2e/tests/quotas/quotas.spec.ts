import { expect, test, type Page } from '@playwright/test';
import { cliToken, demoUser } from '@bdms/dev-fixtures';
import { expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { e2eEnv } from '../../support/env.ts';
import { signIn } from '../../support/login.ts';
import {
  globalLimitPath,
  localLimitPath,
  restoreLimit,
  rucioGlobalLimit,
  rucioLocalLimit,
} from '../../support/quotas.ts';

const alice = demoUser('astronomer');
// Not an RSE the limits tests change for alice (they run beside this one in a shared stack).
const RSE = 'INFN-FRASCATI-DISK';
const EXPRESSION = 'CTAO-N-ONSITE|CTAO-S-ONSITE';

/** Opens the limit editor and fills it; returns the dialog. */
async function editLimit(page: Page, kind: 'Local' | 'Global', place: string, value: string) {
  await page.getByRole('button', { name: 'Set a limit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Account limit' });
  // Mantine's segmented control hides its radios under their labels: a person clicks the label.
  await dialog.getByText(kind === 'Local' ? 'Local (one RSE)' : 'Global (RSE expression)').click();
  await dialog.getByLabel('Account', { exact: true }).click();
  await dialog.getByLabel('Account', { exact: true }).fill(alice.rucioAccount);
  await page.getByRole('option', { name: alice.rucioAccount, exact: true }).click();
  if (kind === 'Local') {
    await dialog.getByLabel('RSE', { exact: true }).click();
    await dialog.getByLabel('RSE', { exact: true }).fill(place);
    await page.getByRole('option', { name: place, exact: true }).click();
  } else {
    await dialog.getByRole('textbox', { name: /RSE expression/ }).fill(place);
  }
  await dialog.getByRole('textbox', { name: /^Limit/ }).fill(value);
  await dialog.getByRole('button', { name: 'Review change' }).click();
  return dialog;
}

test('an admin sets a local and a global limit through the quota console; Rucio holds them and the audit shows both; an astronomer is refused by the BFF and by Rucio', async ({
  page,
  browser,
}) => {
  // Two sign-ins, two edits read back from Rucio, the audit, the usage page: more than a minute.
  test.setTimeout(180_000);
  const before = {
    local: await rucioLocalLimit(alice.rucioAccount, RSE),
    global: await rucioGlobalLimit(alice.rucioAccount, EXPRESSION),
  };
  try {
    await signIn(page, demoUser('admin'), '/quotas/limits');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Quotas' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Quota limits' })).toBeVisible();

    const local = await editLimit(page, 'Local', RSE, '61 kB');
    await expect(local.getByTestId('limit-before-after')).toContainText('→ 61 kB (61,000 bytes)');
    await expectNoSeriousA11yViolations(page, 'limit editor');
    await local.getByRole('button', { name: 'Save limit' }).click();
    await expect(local.getByText('Saved')).toBeVisible();
    await local.getByRole('button', { name: 'Close', exact: true }).click();

    const global = await editLimit(page, 'Global', EXPRESSION, '0.3 MB');
    const resolved = global.getByRole('list', { name: 'RSEs of the expression' });
    await expect(resolved).toContainText('CTAO-N-ONSITE');
    await expect(resolved).toContainText('CTAO-S-ONSITE');
    await expect(global.getByTestId('limit-before-after')).toContainText(
      '→ 300 kB (300,000 bytes)',
    );
    await global.getByRole('button', { name: 'Save limit' }).click();
    await expect(global.getByText('Saved')).toBeVisible();
    await global.getByRole('button', { name: 'Close', exact: true }).click();

    expect(await rucioLocalLimit(alice.rucioAccount, RSE)).toBe(61_000);
    expect(await rucioGlobalLimit(alice.rucioAccount, EXPRESSION)).toBe(300_000);

    await page.goto(`/quotas/audit?account=${alice.rucioAccount}`);
    const audit = page.getByRole('table', { name: 'Limit changes' });
    await expect(audit.getByRole('row').filter({ hasText: RSE }).first()).toContainText('61 kB');
    await expect(audit.getByRole('row').filter({ hasText: EXPRESSION }).first()).toContainText(
      '300 kB',
    );
    await expect(audit.getByRole('row').filter({ hasText: EXPRESSION }).first()).toContainText(
      'accepted',
    );

    await page.goto('/quotas');
    await expect(page.getByRole('table', { name: 'Usage per account and RSE' })).toBeVisible();
    await expect(page.getByTestId('computed-at')).toContainText(/computed by Rucio at \d{4}-/);
    await expectNoSeriousA11yViolations(page, 'quota usage');

    // The astronomer: no admin pages offered, the BFF refuses, and so does Rucio.
    const context = await browser.newContext();
    const astronomer = await context.newPage();
    await signIn(astronomer, alice, '/my-quota');
    const astroNav = astronomer.getByRole('navigation', { name: 'Main navigation' });
    await expect(astroNav.getByRole('link', { name: 'My quota' })).toBeVisible();
    await expect(astroNav.getByRole('link', { name: 'Quotas' })).toHaveCount(0);
    await expect(astronomer.getByRole('table', { name: 'My local limits' })).toContainText(RSE);
    const write = await astronomer.request.put(
      `/api/quotas/limits/local/${alice.rucioAccount}/${RSE}`,
      {
        headers: { 'X-CSRF': '1', Origin: e2eEnv.portalUrl },
        data: { limit: 1 },
      },
    );
    expect(write.status()).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    await context.close();

    const { accessToken } = await cliToken({
      issuer: e2eEnv.issuer,
      user: alice,
      audience: 'rucio',
      scope: 'openid profile',
    });
    const straight = await fetch(`${e2eEnv.rucioUrl}${localLimitPath(alice.rucioAccount, RSE)}`, {
      method: 'POST',
      headers: { 'X-Rucio-Auth-Token': accessToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ bytes: 1 }),
    });
    expect([401, 403]).toContain(straight.status);
    expect(straight.headers.get('ExceptionClass')).toBe('AccessDenied');
    expect(await rucioLocalLimit(alice.rucioAccount, RSE)).toBe(61_000);
  } finally {
    await restoreLimit(localLimitPath(alice.rucioAccount, RSE), before.local);
    await restoreLimit(globalLimitPath(alice.rucioAccount, EXPRESSION), before.global);
  }
});
