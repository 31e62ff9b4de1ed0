import { expect, test } from '@playwright/test';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { expectNoSeriousA11yViolations } from '../../support/a11y.ts';
import { e2eEnv } from '../../support/env.ts';
import { signIn } from '../../support/login.ts';

const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });
/** A file no other test reads the rules of: the first of a simulation dataset. */
const DATASET = {
  scope: 'dpps',
  name: '/ctao/dpps/SIM/Prod6/ctao-south/gamma-diffuse/zenith20deg_az180deg',
};

test('an astronomer requests a rule from a DID page: the expression resolves as typed, the quota is shown, Rucio holds the rule', async ({
  page,
}) => {
  // Rucio only expires deleted rules (its cleaner removes them within the hour): an expression of
  // this run's own, resolving to DESY-ZN-DISK, keeps a rerun from being a duplicate.
  const expression = `DESY-ZN-DISK\\e2e${Date.now().toString(36)}=1`;
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const file = { scope: DATASET.scope, name: '' };
  for await (const d of rucio.listContents({ token, ...DATASET }))
    if (d.type === 'FILE' && !file.name) file.name = d.name;
  await signIn(
    page,
    demoUser('astronomer'),
    `/dids/${file.scope}/${encodeURIComponent(file.name)}`,
  );
  await page.getByRole('link', { name: 'Request a rule' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Request a replication rule' }),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: /DIDs/ })).toHaveValue(
    `${file.scope}:${file.name}`,
  );

  await page.getByRole('textbox', { name: /RSE expression/ }).fill('OFFSITE((');
  await expect(page.getByText(/parenthes/i)).toBeVisible();
  await page.getByRole('textbox', { name: /RSE expression/ }).fill(expression);
  await expect(
    page.getByRole('list', { name: 'RSEs the expression resolves to' }).getByText('DESY-ZN-DISK'),
  ).toBeVisible();
  const quota = page.getByRole('table', { name: 'Quota on the resolved RSEs' });
  await expect(quota.getByRole('row', { name: /DESY-ZN-DISK/ })).toContainText('takes a copy');
  await page.getByRole('textbox', { name: /Lifetime/ }).fill('1');
  await expectNoSeriousA11yViolations(page, 'rule request');

  await page.getByRole('button', { name: 'Request the rule' }).click();
  await expect(page.getByText('Rule requested')).toBeVisible();
  const link = page.getByRole('link', { name: /^[0-9a-f]{32}$/ });
  const id = (await link.innerText()).trim();
  expect(await rucio.getRule({ token, id })).toMatchObject({
    account: 'alice',
    rse_expression: expression,
    scope: file.scope,
    name: file.name,
  });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/rules/${id}$`));
});
