import { expect, test, type Page } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { colorScheme, expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { signIn } from '../../support/login.ts';

/*
 * Issue 6, results: the table's sort and column widths survive a reload of the permalink, and
 * rows are selected in ranges (Shift with a click or the arrows) in the order on screen, in
 * Chromium itself (a shift-click's modifier and focus are the browser's, not jsdom's).
 */

const alice = demoUser('astronomer');
// The first search of find-data.spec.ts: a small result whatever archive the stack holds.
const FILTER =
  'observatory=CTA,2000000001<=obs_id<=2000000100,2025-01-01T00:00:00<=start_time<MJD 60990';
const SEARCH = `/search?${new URLSearchParams({ scope: 'acada', type: 'file', filter: FILTER }).toString()}`;

async function complete(page: Page): Promise<number> {
  const status = page.getByTestId('search-count');
  await expect(status).toContainText('— complete', { timeout: 60_000 });
  const text = (await status.innerText()).replace(/,/g, '');
  return Number(/(\d+) results?/.exec(text)?.[1]);
}

const header = (page: Page, name: string) =>
  page.getByRole('columnheader').filter({ has: page.getByRole('button', { name, exact: true }) });

test('the sort and widths of the table are in its permalink, and Shift selects ranges in the order shown', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, alice, '/search');
  await page.goto(`${SEARCH}&sort=-obs_id&widths=name%3A300%2Cobs_id%3A99999`);
  const total = await complete(page);
  expect(total).toBeGreaterThanOrEqual(4);
  await expect(header(page, 'Observation ID')).toHaveAttribute('aria-sort', 'descending');
  const nameWidth = page.getByRole('separator', { name: 'Resize Name column' });
  await expect(nameWidth).toHaveAttribute('aria-valuenow', '300');
  // An absurd width is clamped, and the URL says what is shown.
  await expect(page).toHaveURL(/widths=name%3A300%2Cobs_id%3A2000$/);

  // Sorted by name now: a new permalink, the same search (nothing reruns), a reload shows it.
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(page).toHaveURL(/sort=name/);
  await page.reload();
  await complete(page);
  await expect(header(page, 'Name')).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameWidth).toHaveAttribute('aria-valuenow', '300');

  // Click the first row's box, shift-click the third's: three rows, the ones shown first.
  const rows = page.getByRole('grid', { name: 'Search results' }).getByRole('row');
  const box = (i: number) => rows.nth(i).getByRole('checkbox');
  await box(1).click();
  await box(3).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('button', { name: 'Copy 3 selected DIDs' })).toBeVisible();
  for (const i of [1, 2, 3]) await expect(rows.nth(i)).toHaveAttribute('aria-selected', 'true');
  await expect(rows.nth(4)).toHaveAttribute('aria-selected', 'false');
  // The grid kept the focus: Shift+Down extends the range from the first row.
  await page.keyboard.press('Shift+ArrowDown');
  await expect(rows.nth(4)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'rows selected' })).toHaveText(
    '4 rows selected',
  );
  await expectNoSeriousA11yViolations(page, 'a range selected, light');
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('dark');
  await expectNoSeriousA11yViolations(page, 'a range selected, dark');

  // Back in the grid: Escape clears the selection, Ctrl+A (⌘A on a Mac) selects every row.
  const selectedStatus = page.getByRole('status').filter({ hasText: 'selected' });
  await page.getByRole('grid', { name: 'Search results' }).focus();
  await page.keyboard.press('Escape');
  await expect(selectedStatus).toHaveText('0 rows selected');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ControlOrMeta+A');
  await expect(selectedStatus).toHaveText(`${total.toLocaleString('en-US')} rows selected`);
  await expect(page.getByRole('checkbox', { name: 'Select all rows' })).toBeChecked();
});

test('the value suggestions open as a list that takes the keyboard, and pass axe in light and dark', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, alice, '/search');
  await page.getByRole('checkbox', { name: 'acada', exact: true }).check();
  const row = page.getByRole('group', { name: 'Condition 1 of group 1' });
  await row.getByRole('combobox', { name: 'Key' }).fill('site');
  const value = row.getByRole('combobox', { name: 'Value' });
  await value.click();
  await expect(value).toHaveAttribute('aria-expanded', 'true');
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(list.getByRole('option').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'suggestions, light');

  await page.keyboard.press('ArrowDown');
  const first = (await list.getByRole('option').first().locator('span').first().innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(value).toHaveValue(first);
  await expect(value).toHaveAttribute('aria-expanded', 'false');

  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('dark');
  await value.fill('');
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'suggestions, dark');
});
