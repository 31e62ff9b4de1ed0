import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { adler32Hex, demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { e2eEnv } from '../../support/env.ts';
import { signIn } from '../../support/login.ts';

/*
 * Issue 8, items 4, 5 and 7: the astronomer puts a dataset and a file (from another dataset) in
 * the basket, then downloads the basket's curl script and its ZIP through the browser, with
 * progress. The script is run for real; the files it fetched and those in the ZIP are checked
 * against Rucio's adler32, asked directly as root.
 */
const alice = demoUser('astronomer');
const DATASET = { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' };
const OTHER = { scope: 'acada', name: '/ctao/acada/DL0/LSTN-01/ctao-north/event/2025/06/21' };
const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** Rucio as root: the dataset's files, and one file of OTHER with an available disk copy. */
async function rucioTruth() {
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const types = new Map((await all(rucio.listRses({ token }))).map((r) => [r.rse, r.rse_type]));
  const files = await all(rucio.listFileReplicas({ token, dids: [DATASET] }));
  const other = (await all(rucio.listFileReplicas({ token, dids: [OTHER] }))).find((f) =>
    Object.entries(f.states ?? {}).some(
      ([rse, s]) => s === 'AVAILABLE' && types.get(rse) === 'DISK',
    ),
  );
  if (!other) throw new Error(`no file of ${OTHER.name} is on disk`);
  const byBase = new Map(
    [...files, other].map((f) => [f.name.split('/').pop() ?? '', String(f.adler32)]),
  );
  return { file: { scope: other.scope, name: other.name }, byBase };
}

/** Every file below `dir`, by its own name (the paths differ; names are unique here). */
function filesIn(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && e.name !== 'get.sh')
      out.set(e.name, adler32Hex(readFileSync(join(e.parentPath, e.name))));
  return out;
}

async function addFromPage(page: Page, did: { scope: string; name: string }) {
  await page.goto(`/dids/${did.scope}/${encodeURIComponent(did.name)}`);
  await page.getByRole('button', { name: 'Add to basket' }).click();
  await expect(page.getByText(/^Added 1 DID to the basket/)).toBeVisible();
}

test('an astronomer downloads her basket as a curl script and as a ZIP, and every file is Rucio’s', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const truth = await rucioTruth();
  await signIn(page, alice, '/basket');
  const emptied = await page.request.delete('/api/basket', {
    headers: { 'X-CSRF': '1', Origin: new URL(page.url()).origin },
  });
  expect(emptied.status()).toBe(200);
  await addFromPage(page, DATASET);
  await addFromPage(page, truth.file);

  await page.goto('/basket');
  const panel = page.getByRole('region', { name: 'Get the data' });
  await expect(panel.getByRole('combobox', { name: 'Script or manifest' })).toHaveValue('curl');
  const [script] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download script' }).click(),
  ]);
  expect(script.suggestedFilename()).toMatch(/^basket-\d{4}-\d\d-\d\d\.curl\.sh$/);
  await expect(panel.getByText(/^Script: saved as basket-/)).toBeVisible();

  // Run as a user would, in an empty folder: every file is fetched through its link and checked.
  const dir = mkdtempSync(join(tmpdir(), 'basket-curl-'));
  await script.saveAs(join(dir, 'get.sh'));
  const child = spawn('sh', ['get.sh'], { cwd: dir });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const n = String(truth.byBase.size);
  expect(output).toContain(`${n} of ${n} files downloaded and verified`);
  expect(status).toBe(0);
  expect(filesIn(dir)).toEqual(truth.byBase);

  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download as ZIP' }).click(),
  ]);
  expect(zip.suggestedFilename()).toMatch(/^basket-\d{4}-\d\d-\d\d\.zip$/);
  await expect(panel.getByText(/^ZIP: saved as basket-/)).toBeVisible();
  const zipPath = join(mkdtempSync(join(tmpdir(), 'basket-zip-')), 'basket.zip');
  await zip.saveAs(zipPath);
  // Python's zipfile (not our code) checks every CRC and gives each entry's adler32.
  const entries = JSON.parse(
    execFileSync(
      'python3',
      [
        '-c',
        `import json,sys,zipfile,zlib
z=zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({i.filename.split("/")[-1]: "%08x" % zlib.adler32(z.read(i)) for i in z.infolist()}))`,
        zipPath,
      ],
      { encoding: 'utf8' },
    ),
  ) as Record<string, string>;
  expect(new Map(Object.entries(entries))).toEqual(truth.byBase);
  // Checked at rest: the pointer off the button it last pressed (a hovered button is darker).
  await page.mouse.move(0, 0);
  await expectNoSeriousA11yViolations(page, 'basket with its downloads');
});
