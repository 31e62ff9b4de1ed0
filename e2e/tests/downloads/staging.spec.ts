import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { adler32Hex, demoUser } from '@bdms/dev-fixtures';
import { expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { signIn } from '../../support/login.ts';
import { rucioFileRecord } from '../../support/sites.ts';
import {
  freshTapeOnlyFile,
  endRule,
  rucioDidRules,
  seededTapeOnlyFile,
} from '../../support/staging.ts';

/*
 * Issue 8, item 6: an astronomer stages a tape-only file and sees it become downloadable (the
 * devstack's transfer loop copies it from PIC-TAPE to the staging RSE), then downloads it and its
 * adler32 is Rucio's. Repeatable: the staged file is made fresh for each run (a staged copy stays
 * on disk for good), and the run’s staging rule is ended afterwards.
 */
const alice = demoUser('astronomer');
const pageOf = (did: { scope: string; name: string }) =>
  `/dids/${did.scope}/${encodeURIComponent(did.name)}`;
const made: string[] = [];

test.afterAll(async () => {
  for (const id of made) await endRule(id);
});

test('an archived file of the demo archive says it is on tape only and quotes staging it; its download is a 409 saying so', async ({
  page,
}) => {
  const file = await seededTapeOnlyFile();
  await signIn(page, alice, pageOf(file));
  const panel = page.getByRole('region', { name: 'Staging from tape' });
  await expect(panel.getByText('On tape only')).toBeVisible();
  await expect(panel).toContainText('only on tape (PIC-TAPE)');
  await expect(page.getByRole('link', { name: 'Download', exact: true })).toHaveCount(0);

  const refused = await page.request.get(
    `/api/dids/${file.scope}/${encodeURIComponent(file.name)}/download`,
  );
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
    'staging_required',
  );

  await panel.getByRole('button', { name: 'Request staging' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request staging' });
  await expect(dialog.getByText(/Quota of alice on CSCS-DISK: .* used of/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the staging dialog');
  // The demo's archived files stay on tape: this test does not submit.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('an astronomer stages a tape-only file, watches it become ready, and downloads it with Rucio’s adler32', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const file = await freshTapeOnlyFile();
  await signIn(page, alice, pageOf(file));
  const panel = page.getByRole('region', { name: 'Staging from tape' });
  await expect(panel.getByText('On tape only')).toBeVisible();

  await panel.getByRole('button', { name: 'Request staging' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request staging' });
  await expect(dialog.getByText(/Quota of alice on CSCS-DISK: .* used of/)).toBeVisible();
  await dialog.getByRole('radio', { name: '1 day' }).check();
  await dialog.getByRole('button', { name: 'Request staging' }).click();
  await expect(dialog).toBeHidden();

  const [rule] = (await rucioDidRules(file)).filter((r) => r.rse_expression === 'CSCS-DISK');
  if (rule) made.push(rule.id);
  expect(rule).toMatchObject({ account: 'alice', activity: 'Staging' });
  await expect(panel.getByRole('group', { name: 'Staging progress' })).toBeVisible();

  // The transfer loop runs every few seconds: well under a minute on the small archive.
  const started = Date.now();
  await expect(page.getByText('Staged: ready to download')).toBeVisible({ timeout: 60_000 });
  test.info().annotations.push({
    type: 'staged in',
    description: `${String(Math.round((Date.now() - started) / 1000))} s`,
  });
  await expect(panel.getByText('Staged to CSCS-DISK')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a staged file with its notification');

  const download = page.getByRole('link', { name: 'Download', exact: true });
  await expect(download).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share a link' })).toBeVisible();
  const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const bytes = new Uint8Array(await readFile(await saved.path()));
  const record = await rucioFileRecord(file);
  expect(bytes.length).toBe(record.bytes);
  expect(adler32Hex(bytes)).toBe(record.adler32);
});
