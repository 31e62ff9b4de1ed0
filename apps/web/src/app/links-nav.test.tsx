import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { makeHealth, makeMe, makeMyAccounts, makeScopeList } from '@/testing/factories.ts';
import { makeLink, makeLinkList } from '@/testing/link-factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { routes } from './router.tsx';

describe('My links in the shell', { timeout: 20_000 }, () => {
  it('when any signed-in user follows My links in the navigation, then their links page opens', async () => {
    const me = makeMe();
    fakeFetch({
      'GET /api/health': { body: makeHealth() },
      'GET /api/me': { body: me },
      'GET /api/me/accounts': { body: makeMyAccounts([me.account], me.account) },
      'GET /api/basket/count': { body: { count: 0, max: 10_000 } },
      'GET /api/scopes': { body: makeScopeList() },
      'GET /api/links': { body: makeLinkList([makeLink()]) },
    });
    const { location } = renderWithProviders(null, { routes, initialEntry: '/scopes' });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    await userEvent.click(within(nav).getByRole('link', { name: 'My links' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'My links' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Your download links' })).toBeInTheDocument();
    expect(location().pathname).toBe('/my-links');
  });
});
