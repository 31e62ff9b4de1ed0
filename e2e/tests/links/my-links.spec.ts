import { expect, test, type Page } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { colorScheme, expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { signIn } from '../../support/login.ts';

/*
 * Issue 8, item 3: links are listable and revocable by their owner, every use counted. An
 * astronomer makes a link on a file's page, a stranger uses it, she finds it under My links
 * (used once), revokes it through the confirmation, and the stranger gets 410.
 */
const alice = demoUser('astronomer');
const FILE = {
  scope: 'acada',
  name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03/SUB002_SWAT000_20250203T211400_SBID0000000002000000001_OBSID0000000002000000001_SUBARRAY_CHUNK000.fits.fz',
};
const FILE_NAME = FILE.name.slice(FILE.name.lastIndexOf('/') + 1);

/** Makes a one-hour link with the file page's "Share a link" and returns its URL. */
async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share a link' }).click();
  const dialog = page.getByRole('dialog', { name: 'A download link to share' });
  await dialog.getByRole('radio', { name: '1 hour' }).check();
  await dialog.getByRole('button', { name: 'Create the link' }).click();
  const url = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return url;
}

test('My links lists a link with its uses, and revoking it there makes it answer 410', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, alice, `/dids/${FILE.scope}/${encodeURIComponent(FILE.name)}`);
  const url = await shareLink(page);

  // A stranger: a fresh context with no cookies; the use is counted.
  const stranger = await browser.newContext();
  expect((await stranger.request.get(url)).status()).toBe(200);

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'My links' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'My links' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Your download links' });
  // Newest first: the link just made is the first row for this file.
  const row = table.getByRole('row').filter({ hasText: FILE_NAME }).first();
  await expect(row.getByRole('link', { name: FILE_NAME })).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText('active');
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');

  await expect.poll(() => colorScheme(page)).toBe('light');
  await expectNoSeriousA11yViolations(page, 'my links, light');
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('dark');
  await expectNoSeriousA11yViolations(page, 'my links, dark');

  await row.getByRole('button', { name: /^Revoke the link to / }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke this link?' });
  await expect(confirm).toContainText('This cannot be undone');
  await expectNoSeriousA11yViolations(page, 'the revoke confirmation, dark');
  await confirm.getByRole('button', { name: 'Revoke the link' }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByRole('cell').nth(2)).toContainText('revoked');
  await expect(row.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);

  const refused = await stranger.request.get(url);
  expect(refused.status()).toBe(410);
  expect(await refused.text()).toContain('revoked');
  await stranger.close();
});
