import { expect, test } from '@playwright/test';
import { adler32Hex, demoUser } from '@bdms/dev-fixtures';
import { expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { signIn } from '../../support/login.ts';
import { rucioFileRecord } from '../../support/sites.ts';

/*
 * Issue 8, item 3: an astronomer makes a signed link on a file's page; it is fetched with no
 * session at all (a new browser context), then revoked, and answers 410.
 */
const alice = demoUser('astronomer');
const FILE = {
  scope: 'acada',
  name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/04/SUB001_SWAT000_20250204T221838_SBID0000000002000000003_OBSID0000000002000000006_SUBARRAY_CHUNK000.fits.fz',
};

test('a signed link works without signing in, and not once revoked', async ({ page, browser }) => {
  const record = await rucioFileRecord(FILE);
  await signIn(page, alice, `/dids/${FILE.scope}/${encodeURIComponent(FILE.name)}`);
  await page.getByRole('button', { name: 'Share a link' }).click();
  const dialog = page.getByRole('dialog', { name: 'A download link to share' });
  await dialog.getByRole('radio', { name: '1 hour' }).check();
  await dialog.getByRole('button', { name: 'Create the link' }).click();
  const url = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(url).toMatch(/\/links\/[^/]+\/[^/]+\.fits\.fz$/);
  await expectNoSeriousA11yViolations(page, 'the share-a-link dialog');

  // A stranger: a fresh context with no cookies.
  const stranger = await browser.newContext();
  const fetched = await stranger.request.get(url);
  expect(fetched.status()).toBe(200);
  const bytes = new Uint8Array(await fetched.body());
  expect(bytes.length).toBe(record.bytes);
  expect(adler32Hex(bytes)).toBe(record.adler32);

  // Newest first: the link just made, used once.
  const mine = dialog.getByRole('table', { name: 'Your links to this file' });
  const row = mine.getByRole('row').nth(1);
  await expect(row).toContainText('active');
  await row.getByRole('button', { name: /^Revoke the link made/ }).click();
  // Asked in the row first (the table is inside the share dialog): it cannot be undone.
  await row.getByRole('button', { name: 'Revoke it' }).click();
  await expect(row).toContainText('revoked');
  const refused = await stranger.request.get(url);
  expect(refused.status()).toBe(410);
  expect(await refused.text()).toContain('revoked');
  await stranger.close();
});
