import { expect, test } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { colorScheme, expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { signIn } from '../../support/login.ts';
import { rucioPlaces } from '../../support/sites.ts';
import { keepScreenshot } from '../../support/screenshots.ts';

const alice = demoUser('astronomer');
const DATASET = { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' };
const RSE = 'DESY-ZN-DISK';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
});

test('an astronomer sees every RSE on the sites map, opens one by keyboard, and reads its page', async ({
  page,
}) => {
  const truth = await rucioPlaces(DATASET, RSE);
  const placed = truth.rses.filter((r) => r.latitude != null && r.longitude != null);
  await signIn(page, alice);
  await page.getByRole('link', { name: 'Sites' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  const map = page.getByRole('application', { name: /^Map of \d+ RSEs/ });
  await expect(map.locator('[data-rse]')).toHaveCount(placed.length);
  await expect(page.getByRole('table', { name: 'RSEs' }).getByRole('row')).toHaveCount(
    truth.rses.length + 1,
  );
  const tape = truth.rses.find((r) => r.rse_type === 'TAPE');
  if (tape)
    expect(await map.locator(`[data-rse="${tape.rse}"]`).evaluate((e) => e.tagName)).toBe('rect');
  await keepScreenshot(map, 'sites-map');
  await expectNoSeriousA11yViolations(page, 'sites map, light');
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('dark');
  await expectNoSeriousA11yViolations(page, 'sites map, dark');
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();

  // Keyboard only: zoom in, then a marker by Enter opens its RSE's page.
  await map.focus();
  await page.keyboard.press('+');
  // The markers' layer (the basemap's, aria-hidden, moves with it).
  await expect(map.locator('svg > g:not([aria-hidden])')).toHaveAttribute(
    'transform',
    /scale\(1\.5\)/,
  );
  await map.getByRole('button', { name: new RegExp(`^${RSE} \\(disk, Zeuthen`) }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/sites/${RSE}$`));
  await expect(page.getByRole('heading', { level: 1, name: RSE })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Protocols' })).toContainText('127.0.0.13');
  await expect(page.getByText(`datasets Rucio has here`)).toContainText(
    `of the ${truth.onRse.length.toLocaleString('en-GB')} datasets`,
  );
  const largest = [...truth.onRse].sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0))[0];
  if (largest)
    await expect(
      page.getByRole('table', { name: 'Largest datasets' }).getByRole('row').nth(1),
    ).toContainText(largest.name);
  await expectNoSeriousA11yViolations(page, 'RSE page');
});

test('an astronomer sees on a map where a dataset’s copies are, with the rule locks Rucio keeps there', async ({
  page,
}) => {
  // The stack's transfer loop may still be filling the seed's rules: compare once they settle.
  test.setTimeout(120_000);
  await expect
    .poll(async () => (await rucioPlaces(DATASET, RSE)).locks.every((l) => l.state === 'OK'), {
      timeout: 90_000,
      message: "the dataset's locks settle to OK (transfer loop)",
    })
    .toBe(true);
  const truth = await rucioPlaces(DATASET, RSE);
  await signIn(
    page,
    alice,
    `/dids/${DATASET.scope}/${encodeURIComponent(DATASET.name)}?tab=replicas`,
  );
  const map = page.getByRole('application', { name: /^Map of the \d+ RSEs? holding it/ });
  await expect(map).toBeVisible();
  const table = page.getByRole('table', { name: 'Replicas per RSE' });
  for (const copy of truth.deep) {
    const ok = truth.locks.filter((l) => l.rse === copy.rse && l.state === 'OK').length;
    const locks = ok ? `locks: ${String(ok)} OK` : 'no rule lock';
    const marker = map.getByRole('button', { name: new RegExp(`^${copy.rse} \\(`) });
    // Every copy settled: Rucio's file replicas there are all AVAILABLE, counted per state.
    const states = `${(copy.available_length ?? 0).toLocaleString('en-GB')} available`;
    await expect(marker).toHaveAccessibleName(
      new RegExp(
        `${String(copy.available_length)} of ${String(copy.length)} files.*${locks}; file replicas: ${states}$`,
      ),
    );
    const row = table.getByRole('row', { name: new RegExp(copy.rse) });
    await expect(row).toContainText(locks);
    // Every copy settled: Rucio's file replicas there are all AVAILABLE, counted per state.
    await expect(row.getByRole('cell').last()).toHaveText(
      `${(copy.available_length ?? 0).toLocaleString('en-GB')} available`,
    );
  }
  await keepScreenshot(map, 'replica-map-dataset');
  const first = truth.deep[0];
  if (first) {
    // By keyboard: on the world view, nearby sites' markers overlap (Lugano, Frascati).
    await map.getByRole('button', { name: new RegExp(`^${first.rse} \\(`) }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: first.rse, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: first.rse })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page, 'RSE page from a replica map');
});
