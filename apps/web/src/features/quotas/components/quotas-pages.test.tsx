import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import {
  makeLimits,
  makeMyQuota,
  makePreview,
  makeRseTotals,
  makeUsageOverview,
} from '@/testing/quota-factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { LimitsPage } from './limits-page.tsx';
import { MyQuotaPage } from './my-quota-page.tsx';
import { UsagePage } from './usage-page.tsx';

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('UsagePage', { timeout: 20_000 }, () => {
  it('when usage loads, then over and near quota rows are marked, fullest first, with when Rucio computed it', async () => {
    fakeFetch({
      'GET /api/quotas/usage': { body: makeUsageOverview() },
      'GET /api/quotas/rses': { body: makeRseTotals() },
    });
    renderWithProviders(<UsagePage />, { path: '/quotas', initialEntry: '/quotas' });
    const table = await screen.findByRole('table', { name: 'Usage per account and RSE' });
    const [first, second] = rowsOf(table);
    expect(first).toHaveTextContent('root');
    expect(first).toHaveTextContent('Over quota');
    expect(second).toHaveTextContent('alice');
    expect(second).toHaveTextContent('≥ 90 %');
    expect(
      within(table).getByRole('progressbar', { name: 'alice on CSCS-DISK: 94.5 % of the limit' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('computed-at')).toHaveTextContent(
      'Usage computed by Rucio at 2026-12-03 16:35:43 UTC',
    );
    expect(screen.getByRole('list', { name: 'RSE totals' })).toHaveTextContent('655 kB used');
  });

  it('when a column header is clicked, then the table sorts by it and says so', async () => {
    fakeFetch({
      'GET /api/quotas/usage': { body: makeUsageOverview() },
      'GET /api/quotas/rses': { body: makeRseTotals() },
    });
    renderWithProviders(<UsagePage />, { path: '/quotas', initialEntry: '/quotas' });
    const table = await screen.findByRole('table', { name: 'Usage per account and RSE' });
    await userEvent.click(within(table).getByRole('button', { name: 'Account' }));
    await userEvent.click(within(table).getByRole('button', { name: 'Account' }));
    expect(within(table).getByRole('columnheader', { name: 'Account' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(rowsOf(table)[0]).toHaveTextContent('alice');
  });

  it('when viewed per account, then each account sums its RSEs and flags what is over', async () => {
    fakeFetch({
      'GET /api/quotas/usage': { body: makeUsageOverview() },
      'GET /api/quotas/rses': { body: makeRseTotals() },
    });
    renderWithProviders(<UsagePage />, { path: '/quotas', initialEntry: '/quotas' });
    await screen.findByRole('table', { name: 'Usage per account and RSE' });
    await userEvent.click(screen.getByRole('radio', { name: 'Per account' }));
    const table = screen.getByRole('table', { name: 'Usage per account' });
    const alice = rowsOf(table).find((r) => r.textContent.includes('alice'));
    expect(alice).toHaveTextContent('13.8 kB');
    expect(alice).toHaveTextContent('≥ 90 %');
  });
});

describe('MyQuotaPage', { timeout: 20_000 }, () => {
  it('when the user opens it, then local and global limits show with usage, unlimited as such', async () => {
    fakeFetch({
      'GET /api/quotas/me': { body: makeMyQuota() },
      'GET /api/quotas/rses': { body: makeRseTotals() },
    });
    renderWithProviders(<MyQuotaPage />, { path: '/my-quota', initialEntry: '/my-quota' });
    const local = await screen.findByRole('table', { name: 'My local limits' });
    expect(rowsOf(local)[0]).toHaveTextContent('CSCS-DISK');
    expect(rowsOf(local)[0]).toHaveTextContent('50.0 kB');
    expect(rowsOf(local)[1]).toHaveTextContent('Unlimited');
    const global = screen.getByRole('table', { name: 'My global limits' });
    expect(global).toHaveTextContent('OFFSITE');
    expect(screen.getByText(/Limits of the Rucio account/)).toHaveTextContent('alice');
  });
});

describe('the limit editor', { timeout: 20_000 }, () => {
  it('when an admin types a limit below usage, then the dry run shows before → after and saving needs the tick', async () => {
    const api = fakeFetch({
      'GET /api/quotas/limits': { body: makeLimits() },
      'POST /api/quotas/limits/bulk/preview': { body: makePreview() },
      'PUT /api/quotas/limits/local/alice/DESY-ZN-DISK': {
        body: {
          kind: 'local',
          account: 'alice',
          rse: 'DESY-ZN-DISK',
          expression: null,
          resolvedRses: ['DESY-ZN-DISK'],
          before: 100000,
          after: 5000,
          usedBytes: 9095,
          result: 'accepted',
          auditId: '1',
          requestId: 'r1',
        },
      },
      'GET /api/quotas/usage': { body: makeUsageOverview() },
    });
    renderWithProviders(<LimitsPage />, { path: '/quotas/limits', initialEntry: '/quotas/limits' });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit the limit of alice on DESY-ZN-DISK' }),
    );
    const limit = await screen.findByRole('textbox', { name: /^Limit/ });
    await userEvent.clear(limit);
    await userEvent.type(limit, '5 kB');
    await userEvent.click(screen.getByRole('button', { name: 'Review change' }));
    expect(await screen.findByTestId('limit-before-after')).toHaveTextContent(
      'alice on DESY-ZN-DISK: 100 kB (100,000 bytes) → 5 kB (5,000 bytes)',
    );
    const save = screen.getByRole('button', { name: 'Save limit' });
    expect(save).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: /below what the account stores/ }));
    await userEvent.click(save);
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    const put = api.calls.find((c) => c.method === 'PUT');
    expect(JSON.parse(put?.body ?? '{}')).toEqual({ limit: 5000, confirmBelowUsage: true });
    const preview = api.calls.find((c) => c.method === 'POST');
    expect(JSON.parse(preview?.body ?? '{}')).toMatchObject({
      source: { kind: 'rows', rows: [{ account: 'alice', rse: 'DESY-ZN-DISK', limit: 5000 }] },
    });
  });
});
