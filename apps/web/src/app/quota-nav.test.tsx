import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { makeAdmin, makeHealth, makeMe, makeMyAccounts } from '@/testing/factories.ts';
import { makeMyQuota, makeRseTotals } from '@/testing/quota-factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { routes } from './router.tsx';

function stack(me: ReturnType<typeof makeMe>) {
  return fakeFetch({
    'GET /api/health': { body: makeHealth() },
    'GET /api/me': { body: me },
    'GET /api/me/accounts': { body: makeMyAccounts([me.account], me.account) },
    'GET /api/basket/count': { body: { count: 0, max: 10_000 } },
    'GET /api/quotas/me': { body: makeMyQuota() },
    'GET /api/quotas/rses': { body: makeRseTotals() },
  });
}

describe('the quota pages in the shell', { timeout: 20_000 }, () => {
  it('when an astronomer is signed in, then My quota is offered and the admin console is not', async () => {
    stack(makeMe());
    renderWithProviders(null, { routes, initialEntry: '/my-quota' });
    expect(await screen.findByRole('table', { name: 'My local limits' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'My quota' })).toHaveAttribute(
      'href',
      '/my-quota',
    );
    expect(within(nav).queryByRole('link', { name: 'Quotas' })).not.toBeInTheDocument();
  });

  it('when an astronomer opens the console by its URL, then it says it is for admins and asks the BFF nothing', async () => {
    const net = stack(makeMe());
    renderWithProviders(null, { routes, initialEntry: '/quotas' });
    expect(await screen.findByText('For portal administrators')).toBeInTheDocument();
    expect(net.callsTo('GET', '/api/quotas/usage')).toHaveLength(0);
  });

  it('when an admin is signed in, then the console is in the navigation', async () => {
    stack(makeAdmin());
    renderWithProviders(null, { routes, initialEntry: '/my-quota' });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(await within(nav).findByRole('link', { name: 'Quotas' })).toHaveAttribute(
      'href',
      '/quotas',
    );
  });
});
