import { expect, test, type Page } from '@playwright/test';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { colorScheme, expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { e2eEnv } from '../../support/env.ts';
import { signIn } from '../../support/login.ts';

/*
 * Issue 8, item 1: the download basket. The astronomer adds a dataset from its page and two files
 * from a search selection, then sees in the basket Rucio's totals and where each file is.
 */
const alice = demoUser('astronomer');
const DATASET = { scope: 'acada', name: '/ctao/acada/DL0/LSTN-01/ctao-north/event/2025/06/21' };
const FILTER =
  'observatory=CTA,2000000001<=obs_id<=2000000100,2025-01-01T00:00:00<=start_time<MJD 60990';
const SEARCH = `/search?${new URLSearchParams({ scope: 'acada', type: 'file', filter: FILTER }).toString()}`;
const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** What Rucio says as root: the files below each DID, and per file whether a disk copy exists. */
async function rucioTruth(dids: { scope: string; name: string }[]) {
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const types = new Map((await all(rucio.listRses({ token }))).map((r) => [r.rse, r.rse_type]));
  let [files, bytes] = [0, 0];
  const onDisk = new Map<string, boolean>();
  for (const did of dids)
    for (const f of await all(rucio.listFileReplicas({ token, dids: [did], sort: 'random' }))) {
      files += 1;
      bytes += f.bytes ?? 0;
      const states = Object.entries(f.states ?? {});
      onDisk.set(
        f.name,
        states.some(([rse, state]) => state === 'AVAILABLE' && types.get(rse) === 'DISK'),
      );
    }
  return { files, bytes, onDisk };
}

/** The basket starts empty, whatever an earlier run left in it. */
async function emptyBasket(page: Page) {
  const res = await page.request.delete('/api/basket', {
    headers: { 'X-CSRF': '1', Origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(200);
}

test('an astronomer collects a dataset and two search results, sees the totals and where they are, then empties the basket', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, alice, `/dids/acada/${encodeURIComponent(DATASET.name)}`);
  await emptyBasket(page);
  await page.getByRole('button', { name: 'Add to basket' }).click();
  await expect(page.getByText('Added 1 DID to the basket; it holds 1 DID.')).toBeVisible();

  await page.goto(SEARCH);
  await expect(page.getByTestId('search-count')).toContainText('— complete', { timeout: 60_000 });
  const rows = page.getByRole('grid', { name: 'Search results' }).getByRole('row');
  await rows.nth(1).getByRole('checkbox').click();
  await rows.nth(2).getByRole('checkbox').click();
  const picked = await page.getByRole('checkbox', { name: /^Select acada:/, checked: true }).all();
  const files = await Promise.all(
    picked.map(async (box) => {
      const key = ((await box.getAttribute('aria-label')) ?? '').replace('Select ', '');
      return { scope: 'acada', name: key.slice('acada:'.length) };
    }),
  );
  expect(files).toHaveLength(2);
  await page.getByRole('button', { name: 'Add 2 DIDs to basket' }).click();
  await expect(page.getByText(/^Added 2 DIDs to the basket; it holds 3 DIDs\./)).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Basket 3 DIDs' }).click();
  const table = page.getByRole('table', { name: 'DIDs in the basket' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const truth = await rucioTruth([DATASET, ...files]);
  const totals = page.getByRole('region', { name: 'Basket totals' });
  await expect(totals).toContainText('DIDs3');
  await expect(totals).toContainText(`Files${String(truth.files)}`);
  await expect(totals.getByTitle(`${String(truth.bytes)} bytes`)).toBeVisible();
  for (const file of files)
    await expect(
      table.getByRole('row', { name: new RegExp(file.name.split('/').pop() ?? '') }),
    ).toContainText(truth.onDisk.get(file.name) ? 'On disk' : 'Tape only');
  await expect(table.getByRole('row', { name: new RegExp(`${DATASET.name}\\b`) })).toContainText(
    /On disk|Tape only|Partial|No replica/,
  );
  await expectNoSeriousA11yViolations(page, 'basket, light');
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('dark');
  await expectNoSeriousA11yViolations(page, 'basket, dark');

  await page.getByRole('checkbox', { name: `Select acada:${files[0]?.name ?? ''}` }).check();
  await page.getByRole('button', { name: 'Remove 1 selected DID' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(nav.getByRole('link', { name: 'Basket 2 DIDs' })).toBeVisible();

  await page.getByRole('button', { name: 'Empty the basket' }).click();
  const dialog = page.getByRole('dialog', { name: 'Empty the basket?' });
  await dialog.getByRole('button', { name: 'Empty the basket' }).click();
  await expect(page.getByText('Your basket is empty')).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Basket', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'empty basket, dark');
});
