import { expect, test } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { signIn } from '../support/login.ts';

const alice = demoUser('astronomer');

test('an astronomer sees both her Rucio accounts in the header; choosing the group account is explained and she stays on her own (Rucio 41, rucio/rucio#8380)', async ({
  page,
}) => {
  const [group] = alice.extraAccounts;
  if (!group) throw new Error('the dev fixtures lost the astronomer’s second Rucio account');
  await signIn(page, alice);

  const picker = page.getByRole('button', { name: `Rucio account: ${alice.rucioAccount}` });
  await picker.click();
  const items = page.getByRole('menuitemradio');
  await expect(items).toHaveText([alice.rucioAccount, group].sort());
  await expect(items.filter({ hasText: alice.rucioAccount })).toHaveAttribute(
    'aria-checked',
    'true',
  );

  await items.filter({ hasText: group }).click();
  const notice = page
    .getByRole('status')
    .filter({ hasText: `Still acting as ${alice.rucioAccount}` });
  await expect(notice).toContainText('Rucio 41');
  await expect(notice).toContainText(`cannot switch to ${group}`);
  await expect(picker).toBeVisible();
  const me = (await (await page.request.get('/api/me')).json()) as { account: string };
  expect(me.account).toBe(alice.rucioAccount);

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await expect(picker).toBeVisible();
});
