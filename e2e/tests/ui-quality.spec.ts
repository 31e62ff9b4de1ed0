import { expect, test } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { colorScheme, expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { scopeItems } from '../support/scopes.ts';
import { signIn } from '../support/login.ts';

test('the landing page and the scopes page pass axe in light and dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'landing, light');

  await signIn(page, demoUser('astronomer'));
  await expect(scopeItems(page).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'scopes, light');

  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('dark');
  await expectNoSeriousA11yViolations(page, 'scopes, dark');
  await page.reload();
  await expect
    .poll(() => colorScheme(page), { message: 'the choice survives a reload' })
    .toBe('dark');
});

test('keyboard only: skip link, sign in, filter and open a scope', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /skip to (main )?content/i })).toBeFocused();
  const signInLink = page.getByRole('link', { name: 'Sign in' });
  await signInLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Username')).toBeVisible();
  const alice = demoUser('astronomer');
  await page.getByLabel('Username').fill(alice.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(alice.password);
  await page.keyboard.press('Enter');

  const filter = page.getByLabel('Filter scopes');
  await expect(filter).toBeVisible();
  await filter.focus();
  await page.keyboard.type('dpp');
  const items = scopeItems(page);
  await expect(items).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Clear filter' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(items.first().getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/scopes\/dpps$/);
});

test('the admin sees the Admin badge and their Rucio account; the astronomer does not', async ({
  browser,
}) => {
  for (const user of [demoUser('admin'), demoUser('astronomer')]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user);
    await expect(page.getByText(`Rucio account: ${user.rucioAccount}`)).toBeVisible();
    const badge = page.getByText('Admin', { exact: true });
    if (user.role === 'admin') await expect(badge).toBeVisible();
    else await expect(badge).toHaveCount(0);
    await context.close();
  }
});
