import { expect, test, type Page } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { colorScheme, expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { rucioTruth } from '../../support/dids.ts';
import { signIn } from '../../support/login.ts';

const alice = demoUser('astronomer');
const DATASET = { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' };

/** The current page's contents list (virtualised; its rows are links named by the relative name). */
const contents = (page: Page) => page.getByRole('list', { name: /^Contents of / });

async function openChild(page: Page, segment: string): Promise<void> {
  await contents(page)
    .getByRole('link', { name: new RegExp(`^${segment}\\b`) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: segment })).toBeVisible();
}

test('an astronomer browses from a scope down to a dataset and a file, and sees what Rucio holds', async ({
  page,
}) => {
  // Nine pages, each a few Rucio round trips: on a busy 2-core machine that passes one minute.
  test.setTimeout(120_000);
  const truth = await rucioTruth(DATASET);
  expect(truth.file).toBeDefined();

  await signIn(page, alice);
  await page
    .getByRole('list', { name: /scopes/i })
    .getByRole('link', { name: /^acada/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scope acada' })).toBeVisible();
  await page
    .getByRole('list', { name: 'Collections of scope acada' })
    .getByRole('link', { name: /^\/ctao\/acada\b/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'acada' })).toBeVisible();

  // Scope → container → … → dataset, by the rows of each contents list.
  for (const segment of DATASET.name.split('/').slice(3)) await openChild(page, segment);
  await expect(page).toHaveURL(new RegExp(`/dids/acada/${encodeURIComponent(DATASET.name)}$`));
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link', { name: 'DL0' })).toBeVisible();
  await expect(page.getByTestId('contents-count')).toHaveText(
    `${String(truth.contents.length)} items`,
  );
  await expect(contents(page).getByRole('listitem')).toHaveCount(truth.contents.length);

  // The dataset's rules, with the states Rucio gives them.
  await page.getByRole('tab', { name: 'Rules' }).click();
  const rules = page.getByRole('table', { name: 'Replication rules' });
  await expect(rules.getByRole('row')).toHaveCount(truth.rules.length + 1);
  for (const rule of truth.rules) await expect(rules.getByText(rule.id)).toBeVisible();
  await page.getByRole('tab', { name: 'Replicas' }).click();
  await expect(page.getByRole('table', { name: 'Replicas per RSE' })).toBeVisible();

  // Down to a file: its checksums, its metadata as Rucio's JSON plugin holds it, its parent.
  const file = truth.file as { name: string; adler32?: string | null };
  await page.getByRole('tab', { name: 'Contents' }).click();
  await openChild(page, file.name.slice(DATASET.name.length + 1));
  await expect(page.getByText(file.adler32 ?? '', { exact: true })).toBeVisible();
  const metadata = page.getByRole('table', { name: 'Metadata' });
  for (const key of Object.keys(truth.fileMeta))
    await expect(metadata.getByRole('row', { name: new RegExp(`^${key}\\b`) })).toBeVisible();
  await expect(metadata.getByRole('row', { name: /^obs_id\b/ })).toContainText(
    String(truth.fileMeta.obs_id),
  );
  // The file's rules are its dataset's: each one listed, "On" the dataset.
  await page.getByRole('tab', { name: 'Rules' }).click();
  const fileRules = page.getByRole('table', { name: 'Replication rules' });
  for (const rule of truth.rules)
    await expect(
      fileRules
        .getByRole('row')
        .filter({ hasText: rule.id })
        .getByRole('link', { name: DATASET.name }),
    ).toBeVisible();
  await page.getByRole('tab', { name: 'Parents' }).click();
  await page
    .getByRole('list', { name: /^Parents of / })
    .getByRole('link', { name: new RegExp(DATASET.name) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '03' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy download command' })).toBeVisible();
});

test('a container page counts its datasets’ files and sums their replicas per RSE', async ({
  page,
}) => {
  const truth = await rucioTruth(DATASET);
  const container = DATASET.name.slice(0, DATASET.name.lastIndexOf('/'));
  await signIn(page, alice, `/dids/acada/${encodeURIComponent(container)}`);
  await expect(contents(page).getByRole('link', { name: /^03\b/ })).toContainText(
    `${String(truth.contents.length)} files`,
  );
  await page.getByRole('tab', { name: 'Replicas' }).click();
  const replicas = page.getByRole('table', { name: 'Replicas per RSE' });
  await expect(replicas.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByText(/^Summed over the container's/)).toBeVisible();
});

test('the DID page passes axe in light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, alice, `/dids/acada/${encodeURIComponent(DATASET.name)}`);
  await expect(page.getByTestId('contents-count')).toHaveText(/items$/);
  await expectNoSeriousA11yViolations(page, 'DID page, light');
  await page.getByRole('tab', { name: 'Rules' }).click();
  await expect(page.getByRole('table', { name: 'Replication rules' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'DID page rules, light');
  await page.getByRole('tab', { name: 'Metadata' }).click();
  await page.getByRole('tab', { name: 'Contents' }).click();
  await contents(page).getByRole('link').first().click();
  await expect(page.getByRole('table', { name: 'Metadata' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'file page, light');
  await page.goBack();
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('dark');
  await page.getByRole('tab', { name: 'Replicas' }).click();
  await expect(page.getByRole('table', { name: 'Replicas per RSE' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'DID page replicas, dark');
});
