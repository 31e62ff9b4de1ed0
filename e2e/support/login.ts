import { expect, type Page } from '@playwright/test';
import type { DemoUser, MappedDemoUser } from '@bdms/dev-fixtures';

/**
 * Signs in through the portal's button and the dev IdP's own login page, as a person would, and
 * waits for the Rucio account to show (so only users Rucio knows).
 */
export async function signIn(page: Page, user: MappedDemoUser, startAt = '/'): Promise<void> {
  await signInAtIdp(page, user, startAt);
  await expect(page.getByText(user.rucioAccount, { exact: false }).first()).toBeVisible();
}

/** The same steps for any demo user, without waiting for what the portal shows afterwards. */
export async function signInAtIdp(page: Page, user: DemoUser, startAt = '/'): Promise<void> {
  await page.goto(startAt);
  await page
    .getByRole('link', { name: 'Sign in' })
    .or(page.getByRole('button', { name: 'Sign in' }))
    .first()
    .click();
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
