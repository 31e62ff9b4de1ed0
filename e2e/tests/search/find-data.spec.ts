import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { e2eEnv } from '../../support/env.ts';
import { signIn } from '../../support/login.ts';

/*
 * Issue 6, "Done when" (the search side): the demo astronomer composes a query in the builder,
 * gets exactly what Rucio's own REST search gives for the same filter, round-trips it through
 * text mode, exports it, saves it, signs out and in, re-runs it, and reloads the permalink.
 */

const alice = demoUser('astronomer');
const SCOPE = 'acada';
const OBS_LOW = '2000000001';
const OBS_HIGH = '2000000100';
const FROM = '2025-01-01T00:00:00';
// 2025-11-11: typed as MJD to exercise both forms; before the bench archive's big night
// (2025-11-20, 110 000 files), so the result stays small whatever archive the stack holds.
const TO_MJD = 'MJD 60990';
const TO_ISO = '2025-11-11T00:00:00';

const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });

/** DID names straight from Rucio's REST search, as root, for a Python-literal filter. */
async function rucioNames(filters: string, type = 'file'): Promise<string[]> {
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const params = new URLSearchParams({ type, long: 'false', filters });
  const res = await fetch(`${e2eEnv.rucioUrl}/dids/${SCOPE}/dids/search?${params.toString()}`, {
    headers: { 'X-Rucio-Auth-Token': token, Accept: 'application/x-json-stream' },
  });
  expect(res.status).toBe(200);
  const text = await res.text();
  return [
    ...new Set(
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as string),
    ),
  ].sort();
}

const condition = (page: Page, g: number, i: number) =>
  page.getByRole('group', { name: `Condition ${i} of group ${g}` });

async function addCondition(page: Page, i: number, key: string, op: string, value: string) {
  if (i > 1) await page.getByRole('button', { name: 'AND condition in group 1' }).click();
  const row = condition(page, 1, i);
  await row.getByRole('combobox', { name: 'Key' }).fill(key);
  await row.getByRole('combobox', { name: 'Operator' }).selectOption(op);
  await row
    .getByRole(key === 'observatory' ? 'combobox' : 'textbox', { name: 'Value' })
    .fill(value);
}

/** The result's row count once the trailer said it is complete. */
async function completeCount(page: Page): Promise<number> {
  const status = page.getByTestId('search-count');
  await expect(status).toContainText('— complete', { timeout: 60_000 });
  const text = (await status.innerText()).replace(/,/g, '');
  return Number(/(\d+) results?/.exec(text)?.[1]);
}

/** Degrees between two sky positions (haversine; fine for the small separations here). */
function separation(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((dec2 - dec1) * r) / 2) ** 2 +
    Math.cos(dec1 * r) * Math.cos(dec2 * r) * Math.sin(((ra2 - ra1) * r) / 2) ** 2;
  return (2 * Math.asin(Math.sqrt(a))) / r;
}

test('an astronomer composes a metadata query, gets what Rucio gives, round-trips it through text, exports, saves, re-runs after signing in again, and reloads the permalink', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, alice, '/search');
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();

  // Compose with the builder: one observatory, an obs_id range and a time window.
  await page.getByRole('checkbox', { name: SCOPE, exact: true }).check();
  await page.getByRole('combobox', { name: 'DID type' }).selectOption('file');
  await addCondition(page, 1, 'observatory', '=', 'CTA');
  await addCondition(page, 2, 'obs_id', '>=', OBS_LOW);
  await addCondition(page, 3, 'obs_id', '<=', OBS_HIGH);
  await addCondition(page, 4, 'start_time', '>=', FROM);
  await addCondition(page, 5, 'start_time', '<', TO_MJD);
  await expect(condition(page, 1, 5)).toContainText(`${TO_ISO}Z`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();

  const count = await completeCount(page);
  const truth = await rucioNames(
    `[{'observatory': 'CTA', 'obs_id.gte': ${OBS_LOW}, 'obs_id.lte': ${OBS_HIGH}, ` +
      `'start_time.gte': '${FROM}', 'start_time.lt': '${TO_ISO}'}]`,
  );
  expect(truth.length).toBeGreaterThan(0);
  expect(count).toBe(truth.length);
  const permalink = page.url();
  expect(new URL(permalink).searchParams.get('scope')).toBe(SCOPE);

  // Round-trip through text mode: the same filter, and back to the same builder rows.
  // Mantine's segmented control hides its radios: a user clicks the label.
  await page.getByText('Text (Rucio filter)', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Text (Rucio filter)' })).toBeChecked();
  const text = page.getByRole('textbox', { name: 'Rucio filter' });
  // A lower bound followed by an upper bound on one key is written as Rucio's compound form.
  await expect(text).toHaveValue(
    `observatory=CTA,${OBS_LOW}<=obs_id<=${OBS_HIGH},${FROM}<=start_time<${TO_MJD}`,
  );
  await page.getByText('Builder', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Builder' })).toBeChecked();
  await expect(condition(page, 1, 2).getByRole('textbox', { name: 'Value' })).toHaveValue(OBS_LOW);

  // Export CSV: the whole result, one line per DID after the header.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).first().click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  expect(lines.length - 1).toBe(count);
  for (const name of truth.slice(0, 5)) expect(csv).toContain(name);

  // Save it, sign out and in, and re-run it from the saved searches.
  const name = `DL0 CTA ${OBS_LOW}-${OBS_HIGH} ${Date.now()}`;
  await page.getByRole('button', { name: 'Save search' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeHidden();
  await page.getByRole('button', { name: /sign out/i }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await signIn(page, alice, '/search');
  await page.getByRole('button', { name: 'Saved searches' }).click();
  const saved = page.getByRole('listitem', { name });
  await saved.getByRole('link', { name: `Run ${name}` }).click();
  expect(await completeCount(page)).toBe(count);
  await page.getByRole('button', { name: 'Saved searches' }).click();
  await expect(page.getByRole('listitem', { name })).toContainText(
    `${count.toLocaleString('en-GB')} result`,
  );
  await page.getByRole('button', { name: 'Close saved searches' }).click();

  // The permalink reruns the same search.
  await page.goto(permalink);
  expect(await completeCount(page)).toBe(count);
});

test('a cone around the Crab gives only DIDs inside the circle, and all of those Rucio has in the box', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The time window keeps the result small whatever the archive size (the bench archive's big
  // night points at the Crab too, with tens of thousands of files).
  await signIn(page, alice, '/search');
  await page.getByRole('checkbox', { name: SCOPE, exact: true }).check();
  await page.getByRole('combobox', { name: 'DID type' }).selectOption('file');
  await addCondition(page, 1, 'start_time', '<', TO_MJD);
  await page.getByRole('checkbox', { name: /cone search/i }).check({ force: true });
  await page.getByRole('combobox', { name: 'Target' }).fill('Crab');
  await expect(page.getByRole('textbox', { name: 'RA (ICRS)' })).toHaveValue('83.63308');
  await page.getByRole('textbox', { name: 'Radius' }).fill('1');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const count = await completeCount(page);
  expect(count).toBeGreaterThan(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export JSON (NDJSON)' }).first().click(),
  ]);
  const lines = (await readFile(await download.path(), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { name?: string; meta?: { ra_pnt?: number; dec_pnt?: number } });
  const rows = lines.filter((l) => l.name !== undefined);
  expect(rows).toHaveLength(count);
  for (const row of rows) {
    const { ra_pnt: ra = NaN, dec_pnt: dec = NaN } = row.meta ?? {};
    expect(separation(83.63308, 22.0145, ra, dec)).toBeLessThanOrEqual(1 + 1e-9);
  }
  // Rucio's box around the cone (|ΔDec| ≤ 1°, ΔRA ≤ asin(sin 1°/cos 23.01°) ≈ 1.09°) holds them all.
  const box = await rucioNames(
    `[{'ra_pnt.gte': 82.5, 'ra_pnt.lte': 84.8, 'dec_pnt.gte': 21.0, 'dec_pnt.lte': 23.1, ` +
      `'start_time.lt': '${TO_ISO}'}]`,
  );
  for (const row of rows) expect(box).toContain(row.name);
});

test('the value of a condition suggests what the archive holds in the ticked scope, as Rucio has it', async ({
  page,
}) => {
  await signIn(page, alice, '/search');
  await page.getByRole('checkbox', { name: SCOPE, exact: true }).check();
  const row = condition(page, 1, 1);
  await row.getByRole('combobox', { name: 'Key' }).fill('target_name');
  const value = row.getByRole('combobox', { name: 'Value' });
  await value.click();
  // A target the archive holds is offered as found in the scope; Rucio agrees it is there.
  await expect(
    page.getByRole('option', { name: `PKS 2155-304 in ${SCOPE}`, exact: true }),
  ).toBeVisible();
  expect(await rucioNames("[{'target_name': 'PKS 2155-304'}]")).not.toHaveLength(0);
  // The suggestion is only offered: typing something else is still possible.
  await value.fill('Crab');
  await expect(value).toHaveValue('Crab');
});
