import { expect, test } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { scopeItems } from '../support/scopes.ts';
import { signIn } from '../support/login.ts';
import { devstack } from '../support/stack.ts';

test.describe.configure({ timeout: 120_000 });

test('when Rucio goes down the portal says so, and it recovers by itself when Rucio is back', async ({
  page,
}) => {
  await signIn(page, demoUser('astronomer'));
  await expect(page.getByRole('heading', { name: 'Scopes', level: 1 })).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: /Rucio is unavailable/ });
  await expect(banner).toHaveCount(0);

  devstack('stop', 'rucio');
  try {
    // The BFF caches health for up to 2 s: poll until it notices.
    let health = await page.request.get('/api/health');
    await expect
      .poll(async () => (health = await page.request.get('/api/health')).status(), {
        timeout: 10_000,
      })
      .toBe(503);
    const body = (await health.json()) as { ok: boolean; rucio: { ok: boolean; reason?: string } };
    expect(body.rucio.ok).toBe(false);
    expect(body.rucio.reason).toBeTruthy();
    // The SPA polls health every 10 s; the banner must appear without a reload.
    await expect(banner).toBeVisible({ timeout: 25_000 });
    await expect(banner).toContainText('resume automatically');
  } finally {
    devstack('core-up');
  }

  await expect(banner).toBeHidden({ timeout: 25_000 });
  await expect.poll(async () => (await page.request.get('/api/health')).status()).toBe(200);
  await expect(scopeItems(page).first()).toBeVisible();
});
