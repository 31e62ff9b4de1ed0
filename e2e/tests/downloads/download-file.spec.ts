import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { adler32Hex, demoUser } from '@bdms/dev-fixtures';
import { expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { signIn } from '../../support/login.ts';
import { rucioFileRecord } from '../../support/sites.ts';

/*
 * Issue 8, item 2: an astronomer downloads a file through the browser, and the bytes saved are
 * the ones Rucio's adler32 describes.
 */
const alice = demoUser('astronomer');
const FILE = {
  scope: 'acada',
  name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03/SUB002_SWAT000_20250203T211400_SBID0000000002000000001_OBSID0000000002000000001_SUBARRAY_CHUNK000.fits.fz',
};

test('an astronomer downloads a file from its page, and its adler32 is Rucio’s', async ({
  page,
}) => {
  const record = await rucioFileRecord(FILE);
  await signIn(page, alice, `/dids/${FILE.scope}/${encodeURIComponent(FILE.name)}`);
  const button = page.getByRole('link', { name: 'Download' });
  await expect(button).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a file’s page with its download');
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe(FILE.name.split('/').pop());
  const saved = await download.path();
  const bytes = new Uint8Array(await readFile(saved));
  expect(bytes.length).toBe(record.bytes);
  expect(adler32Hex(bytes)).toBe(record.adler32);
});
