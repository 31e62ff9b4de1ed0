import { expect, test } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { signIn } from '../../support/login.ts';
import { keepScreenshot } from '../../support/screenshots.ts';
import { rucioFileCopies } from '../../support/sites.ts';

/*
 * Issue 7, item 1: the replica map of a search result selection. Three files picked in the
 * results open on one map and one table whose counts per RSE are Rucio's for those files.
 */
const alice = demoUser('astronomer');
const FILTER =
  'observatory=CTA,2000000001<=obs_id<=2000000100,2025-01-01T00:00:00<=start_time<MJD 60990';
const SEARCH = `/search?${new URLSearchParams({ scope: 'acada', type: 'file', filter: FILTER }).toString()}`;

test('an astronomer selects three results and sees on one map where their copies are', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, alice, SEARCH);
  await expect(page.getByTestId('search-count')).toContainText('— complete', { timeout: 60_000 });
  const rows = page.getByRole('grid', { name: 'Search results' }).getByRole('row');
  await rows.nth(1).getByRole('checkbox').click();
  await rows
    .nth(3)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await page.getByRole('link', { name: 'Show 3 DIDs on the map' }).click();

  await expect(page).toHaveURL(/\/replicas\?did=/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Where the selection lives' }),
  ).toBeVisible();
  const dids = new URL(page.url()).searchParams.getAll('did').map((d) => {
    const colon = d.indexOf(':');
    return { scope: d.slice(0, colon), name: d.slice(colon + 1) };
  });
  expect(dids).toHaveLength(3);
  const truth = await rucioFileCopies(dids);
  const table = page.getByRole('table', { name: 'Replicas of the selection per RSE' });
  await expect(table.getByRole('row')).toHaveCount(truth.size + 1);
  for (const [rse, { files, available }] of truth)
    await expect(table.getByRole('row', { name: new RegExp(rse) })).toContainText(
      `${String(available)} / ${String(files)} files`,
    );
  await expect(page.getByText(/Summed per RSE over 3 files/)).toBeVisible();
  const map = page.getByRole('application', {
    name: /^Map of the \d+ RSEs? holding the selection/,
  });
  await expect(map).toBeVisible();
  await keepScreenshot(map, 'replica-map-selection');
  await expectNoSeriousA11yViolations(page, 'a selection’s replica map');
});
