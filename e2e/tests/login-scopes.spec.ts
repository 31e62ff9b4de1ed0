import { expect, test } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { scopeItems } from '../support/scopes.ts';
import { signIn } from '../support/login.ts';
import { rucioScopes } from '../support/rucio.ts';

const alice = demoUser('astronomer');

test('an astronomer signs in through the IdP, sees exactly the scopes Rucio lists, and signs out', async ({
  page,
}) => {
  const expected = await rucioScopes();
  expect(expected.length).toBeGreaterThan(0);

  await signIn(page, alice);
  await expect(page.getByRole('heading', { name: 'Scopes', level: 1 })).toBeVisible();
  await expect(scopeItems(page)).toHaveCount(expected.length);
  const shown = (await scopeItems(page).allInnerTexts()).map((t) => t.trim().split(/\s/)[0] ?? '');
  expect(shown.sort()).toEqual(expected);
  await expect(page.getByText(alice.name)).toBeVisible();

  await page.getByRole('button', { name: /sign out/i }).click();
  await expect(
    page
      .getByRole('link', { name: 'Sign in' })
      .or(page.getByRole('button', { name: 'Sign in' }))
      .first(),
  ).toBeVisible();
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(401);
});

test('a signed-out visitor who opened a deep link lands back on it after signing in', async ({
  page,
}) => {
  await signIn(page, alice, '/scopes?filter=ac');
  await expect(page).toHaveURL(/\/scopes\?filter=ac$/);
  await expect(page.getByRole('heading', { name: 'Scopes', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Filter scopes')).toHaveValue('ac');
  const items = scopeItems(page);
  await expect(items.first()).toBeVisible();
  for (const text of await items.allInnerTexts()) expect(text).toContain('ac');
});

test('a failed sign-in (replayed callback) lands on the portal with an explanation', async ({
  page,
}) => {
  await page.goto('/auth/callback?code=stale&state=stale');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Sign-in did not complete' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});
