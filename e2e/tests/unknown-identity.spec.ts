import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '@bdms/dev-fixtures';
import { signInAtIdp } from '../support/login.ts';
import { e2eEnv } from '../support/env.ts';

const nora = DEMO_USERS.find((u) => u.role === 'unmapped');

test('a user the IdP knows but Rucio does not sees why, with Sign out, and no sign-in loop', async ({
  page,
}) => {
  if (!nora) throw new Error('the dev fixtures lost their unmapped demo user');
  await signInAtIdp(page, nora);
  await expect(
    page.getByRole('heading', { name: 'Your identity has no Rucio account', level: 1 }),
  ).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'Rucio does not accept your sign-in' });
  await expect(alert).toContainText(`SUB=${nora.sub}`);
  await expect(alert).toContainText(`ISS=${e2eEnv.issuer}`);
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  const scopes = await page.request.get('/api/scopes');
  expect(scopes.status()).toBe(401);
  expect(((await scopes.json()) as { error: { code: string } }).error.code).toBe(
    'rucio_rejected_token',
  );

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(401);
});
