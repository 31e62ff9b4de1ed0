import { expect, test, type Page } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { colorScheme, expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { signIn } from '../../support/login.ts';

/** Each quota page, loaded with its data (and the bulk edit with a dry-run preview), through axe. */
async function scanQuotaPages(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.goto('/quotas');
  await expect(page.getByRole('table', { name: 'Usage per account and RSE' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'RSE totals' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, `quota usage, ${theme}`);

  await page.goto('/quotas/limits');
  await expect(page.getByRole('table', { name: 'Local limits' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, `quota limits, ${theme}`);

  await page.goto('/quotas/bulk');
  await expect(page.getByRole('heading', { level: 1, name: 'Bulk limit edit' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Accounts/ }).fill('alice');
  await page.getByRole('checkbox', { name: 'CSCS-DISK' }).check();
  await page.getByRole('textbox', { name: /^Limit/ }).fill('2 GB');
  await page.getByRole('button', { name: 'Preview (dry run)' }).click();
  // A dry run only: nothing is applied, so the shared stack's limits are untouched.
  await expect(page.getByRole('table', { name: 'Preview of the bulk edit' })).toContainText(
    'alice',
  );
  await expectNoSeriousA11yViolations(page, `bulk edit preview, ${theme}`);

  await page.goto('/quotas/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Quota audit' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export CSV' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, `quota audit, ${theme}`);

  await page.goto('/my-quota');
  await expect(page.getByRole('table', { name: 'My local limits' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, `my quota, ${theme}`);
}

test('the quota console and my quota pass axe in light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, demoUser('admin'), '/quotas');
  await expect.poll(() => colorScheme(page)).toBe('light');
  await scanQuotaPages(page, 'light');

  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('dark');
  await scanQuotaPages(page, 'dark');
});
