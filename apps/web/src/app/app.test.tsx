import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '@/lib/query-client.ts';
import { didApiPath, makeDidDetails, makeScopeRoots } from '@/testing/did-factories.ts';
import { fakeFetch, ndjsonReply } from '@/testing/fake-fetch.ts';
import { withLayout } from '@/testing/layout.ts';
import {
  makeAdmin,
  makeErrorBody,
  makeHealth,
  makeMe,
  makeMyAccounts,
  makeScopeList,
} from '@/testing/factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { routes } from './router.tsx';
import { onDisk } from '@/testing/staging-factories.ts';

const unauthenticated = { status: 401, body: makeErrorBody('unauthenticated', 'Sign in first') };

function stack(me: unknown = { body: makeMe() }, accounts = makeMyAccounts()) {
  return fakeFetch({
    'GET /api/health': { body: makeHealth() },
    'GET /api/me': me as never,
    'GET /api/me/accounts': { body: accounts },
    'GET /api/scopes': { body: makeScopeList(['ctao.dl0', 'user.alice']) },
    'GET /api/basket/count': { body: { count: 3, max: 10_000 } },
  });
}

describe('the app', () => {
  it('when signed out, then any URL shows the landing page with Sign in back to that URL', async () => {
    stack(unauthenticated);
    renderWithProviders(null, { routes, initialEntry: '/scopes?filter=dl0' });
    const signIn = await screen.findByRole('link', { name: 'Sign in' });
    expect(signIn).toHaveAttribute('href', '/auth/login?returnTo=%2Fscopes%3Ffilter%3Ddl0');
    expect(screen.getByRole('link', { name: /BDMS Portal/ })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });

  it('when Rucio does not know the signed-in identity, then its message and Sign out are shown, not the landing page', async () => {
    const message = 'Rucio does not know your identity (SUB=nora-sub, ISS=http://127.0.0.1:4400/)';
    stack({ status: 401, body: makeErrorBody('rucio_rejected_token', message) });
    renderWithProviders(null, { routes, initialEntry: '/scopes' });
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sign in' })).not.toBeInTheDocument();
  });

  it('when signed in, then / goes to /scopes inside the shell with user, navigation and skip link', async () => {
    const net = stack({ body: makeAdmin() }, makeMyAccounts(['ctaoadmin'], 'ctaoadmin'));
    const { location } = renderWithProviders(null, {
      routes,
      initialEntry: '/',
      queryClient: createQueryClient(),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Scopes' })).toBeInTheDocument();
    expect(location().pathname).toBe('/scopes');
    const user = screen.getByRole('group', { name: 'Signed-in user' });
    expect(within(user).getByText('Oscar Operator')).toBeInTheDocument();
    expect(within(user).getByText('Admin')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Scopes' })).toHaveAttribute('href', '/scopes');
    // The basket's count is part of its link's name (the badge itself is hidden from readers).
    expect(await within(nav).findByRole('link', { name: 'Basket 3 DIDs' })).toHaveAttribute(
      'href',
      '/basket',
    );
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute(
      'href',
      '#main-content',
    );
    expect(document.getElementById('main-content')).toHaveAttribute('tabindex', '-1');
    expect(await screen.findAllByRole('listitem')).toHaveLength(2);
    // The route's loader fetched the scopes; the page used them (the app's client keeps them fresh).
    expect(net.callsTo('GET', '/api/scopes')).toHaveLength(1);
  });

  it('when a scope is opened, then its top collections are listed and one opens its DID page', async () => {
    withLayout();
    const root = '/ctao/user/a/alice';
    const did = { scope: 'user.alice', name: root };
    const net = stack();
    net.set('GET /api/scopes/user.alice/roots', { body: makeScopeRoots('user.alice', [root]) });
    net.set(`GET ${didApiPath(did)}`, {
      body: makeDidDetails({ ...did, type: 'CONTAINER', length: 3 }),
    });
    net.set(`GET ${didApiPath(did, '/contents')}`, ndjsonReply([]));
    for (const [request, reply] of Object.entries(onDisk(did))) net.set(request, reply);
    renderWithProviders(null, { routes, initialEntry: '/scopes' });
    await userEvent.click(await screen.findByRole('link', { name: 'user.alice' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Scope user.alice' }),
    ).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('link', { name: new RegExp(root) }));
    expect(await screen.findByRole('heading', { level: 1, name: 'alice' })).toBeInTheDocument();
    expect(await screen.findByText('This collection is empty')).toBeInTheDocument();
    // The staging status is asked for after its schema's chunk loads: let it land in this test.
    await waitFor(() => {
      expect(net.callsTo('GET', didApiPath(did, '/staging'))).toHaveLength(1);
    });
  });

  it('when the URL matches no page, then a 404 page with a way back is shown', async () => {
    stack();
    renderWithProviders(null, { routes, initialEntry: '/no/such/page' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to scopes' })).toHaveAttribute('href', '/scopes');
    expect(document.title).toMatch(/^Page not found/);
  });

  it('when the session ends while browsing (401 on scopes), then the landing page replaces the page', async () => {
    const net = stack();
    net.set('GET /api/scopes', unauthenticated);
    let meCalls = 0;
    net.set('GET /api/me', () => (++meCalls === 1 ? { body: makeMe() } : unauthenticated));
    renderWithProviders(null, {
      routes,
      initialEntry: '/scopes',
      queryClient: createQueryClient(),
    });
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByRole('heading', { name: 'Scopes' })).not.toBeInTheDocument();
    });
  });

  it('toggles the color scheme and remembers it', async () => {
    stack(unauthenticated);
    renderWithProviders(null, { routes });
    const toggle = await screen.findByRole('button', { name: 'Toggle color scheme' });
    await userEvent.click(toggle);
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark');
    expect(window.localStorage.getItem('mantine-color-scheme-value')).toBe('dark');
    await userEvent.click(toggle);
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light');
  });
});
