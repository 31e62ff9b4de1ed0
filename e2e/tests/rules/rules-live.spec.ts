import { expect, test } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { colorScheme, expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { signIn } from '../../support/login.ts';
import { freshRuleFor, rucioRule, rucioRules } from '../../support/rules.ts';

const alice = demoUser('astronomer');
const oscar = demoUser('admin');
const SOURCE = 'CTAO-S-ONSITE';
const TARGET = 'CSCS-DISK';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
});

test('an astronomer sees exactly her rules, watches a new one go REPLICATING → OK without reloading, and opens its locks per RSE', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const { id, did } = await freshRuleFor(alice.rucioAccount, SOURCE, TARGET);
  await signIn(page, alice);
  await page.getByRole('link', { name: 'Rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rules' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Rules' });
  const row = table.locator(`tr[data-rule-id="${id}"]`);
  await expect(row).toBeVisible();

  // The same rules as Rucio lists for alice, asked directly.
  const truth = await rucioRules(alice.rucioAccount);
  await expect(table.locator('tr[data-rule-id]')).toHaveCount(truth.length);
  const shown = await table
    .locator('tr[data-rule-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule-id')));
  expect(shown.sort()).toEqual(truth.map((r) => r.id).sort());
  await expect(row.getByRole('link', { name: `${did.scope}:${did.name}` })).toBeVisible();

  // The transfer loop carries it to OK; the page refreshes itself (no reload, no navigation).
  const url = page.url();
  await expect(row).toContainText('REPLICATING');
  await expect(page.getByText(/^Updated \d\d:\d\d:\d\d · refreshes every 10 s$/)).toBeVisible();
  await expect(row).toContainText('OK', { timeout: 100_000 });
  await expect(row).not.toContainText('REPLICATING');
  expect(page.url()).toBe(url);
  expect((await rucioRule(id)).state).toBe('OK');
  await expect(
    row.getByRole('progressbar', { name: 'locks 1 OK, 0 replicating, 0 stuck' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'rules page, light');
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('dark');
  await expectNoSeriousA11yViolations(page, 'rules page, dark');

  await row.getByRole('link', { name: `Rule ${id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/rules/${id}$`));
  const locks = page.getByRole('table', { name: 'Locks per RSE' });
  const target = locks.getByRole('row', { name: new RegExp(TARGET) });
  await expect(target).toContainText('1');
  await expect(target.getByRole('link', { name: TARGET })).toHaveAttribute(
    'href',
    `/sites/${TARGET}`,
  );
  await expect(page.getByText('1 file lock over 1 RSE')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'rule page, dark');
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect.poll(() => colorScheme(page)).toBe('light');
  await expectNoSeriousA11yViolations(page, 'rule page, light');
});

test('an astronomer asking for another account’s rules is refused; an admin filters another account’s rules by state', async ({
  page,
}) => {
  await signIn(page, alice, '/rules?account=ctaoadmin');
  // Not an admin: no account field, and the URL's account is ignored.
  await expect(page.getByRole('textbox', { name: /Account/ })).toHaveCount(0);
  await expect(page.getByText(/of account alice/)).toBeVisible();
  const refused = await page.request.get('/api/rules?account=ctaoadmin');
  expect(refused.status()).toBe(403);

  const truth = (await rucioRules('alice')).filter((r) => r.state === 'OK');
  await page.context().clearCookies();
  await signIn(page, oscar, '/rules');
  const field = page.getByRole('textbox', { name: /Account/ });
  await field.fill('alice');
  await page.getByRole('button', { name: 'Show' }).click();
  // Mantine's segmented control hides its radios under their labels: press the label.
  await page.getByLabel('Rule state').getByText('OK', { exact: true }).click();
  await expect(page).toHaveURL(/account=alice/);
  await expect(page).toHaveURL(/state=OK/);
  await expect(page.getByText(/rules? of account alice in state OK/)).toBeVisible();
  const rows = page.getByRole('table', { name: 'Rules' }).locator('tr[data-rule-id]');
  await expect(rows).toHaveCount(truth.length);
  await expectNoSeriousA11yViolations(page, 'rules page as admin');
});
