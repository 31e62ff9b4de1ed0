import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '@/lib/query-keys.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import {
  makeErrorBody,
  makeHealth,
  makeMe,
  makeMyAccounts,
  makeScopeList,
} from '@/testing/factories.ts';
import { createTestQueryClient, renderWithProviders } from '@/testing/render.tsx';
import { AccountPicker } from './account-picker.tsx';

// The BFF's own words (apps/bff/src/me/me.service.ts), so the SPA is shown the real answers.
const REFUSED = makeErrorBody(
  'rucio_refused',
  'Rucio acts as your default account "alice" for sign-ins with a token and does not switch to "lst-analysis" (Rucio 41 ignores the requested account; rucio/rucio#8380). Ask a Rucio administrator to make "lst-analysis" your default account if you need it.',
);
const NOT_MAPPED = makeErrorBody(
  'forbidden',
  'Your identity is not mapped to the Rucio account "lst-analysis". Yours: alice.',
);

const picker = (name = 'Rucio account: alice') => screen.findByRole('button', { name });

async function chooseWithMouse(account: string): Promise<void> {
  await userEvent.click(await picker());
  await userEvent.click(await screen.findByRole('menuitemradio', { name: account }));
}

describe('AccountPicker', () => {
  it('while the accounts load, then a placeholder says so', async () => {
    fakeFetch({ 'GET /api/me/accounts': { body: makeMyAccounts() } });
    renderWithProviders(<AccountPicker account="alice" />);
    expect(screen.getByRole('status', { name: 'Loading your Rucio accounts' })).toBeInTheDocument();
    expect(await picker()).toBeInTheDocument();
  });

  it('when the identity maps to one account, then it is shown as text, without a menu', async () => {
    fakeFetch({ 'GET /api/me/accounts': { body: makeMyAccounts(['ctaoadmin'], 'ctaoadmin') } });
    renderWithProviders(<AccountPicker account="ctaoadmin" />);
    expect(await screen.findByText(/Rucio account:/)).toHaveTextContent('Rucio account: ctaoadmin');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('when it maps to two, then the menu lists both with the current one checked', async () => {
    fakeFetch({ 'GET /api/me/accounts': { body: makeMyAccounts() } });
    renderWithProviders(<AccountPicker account="alice" />);
    await userEvent.click(await picker());
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((i) => [i.textContent, i.getAttribute('aria-checked')])).toEqual([
      ['alice', 'true'],
      ['lst-analysis', 'false'],
    ]);
  });

  it('when Rucio keeps the default account (409), then the keyboard user is told why and stays on it', async () => {
    const net = fakeFetch({
      'GET /api/me/accounts': { body: makeMyAccounts() },
      'PUT /api/me/account': { status: 409, body: REFUSED },
    });
    renderWithProviders(<AccountPicker account="alice" />);
    (await picker()).focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('menu');
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitemradio', { name: 'alice' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{Enter}');

    const notice = await screen.findByRole('status');
    expect(notice).toHaveTextContent('Still acting as alice');
    expect(notice).toHaveTextContent(/Rucio 41 ignores the account asked for/);
    expect(notice).toHaveTextContent(/cannot switch to lst-analysis/);
    const [put] = net.callsTo('PUT', '/api/me/account');
    expect(put?.body).toBe(JSON.stringify({ account: 'lst-analysis' }));
    expect(put?.headers.get('x-csrf')).toBe('1');
    expect(await picker()).toBeInTheDocument();

    // The explanation follows the picker in the tab order and can be dismissed.
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => {
      expect(screen.queryByText('Still acting as alice')).not.toBeInTheDocument();
    });
  });

  it('when the account is not mapped to the identity (403), then an alert says so', async () => {
    fakeFetch({
      'GET /api/me/accounts': { body: makeMyAccounts() },
      'PUT /api/me/account': { status: 403, body: NOT_MAPPED },
    });
    renderWithProviders(<AccountPicker account="alice" />);
    await chooseWithMouse('lst-analysis');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('lst-analysis is not your account');
    expect(alert).toHaveTextContent(
      'Your identity is not mapped to the Rucio account lst-analysis, so the portal keeps acting as alice.',
    );
    expect(await picker()).toBeInTheDocument();
  });

  it('when another failure happens, then the BFF’s message and request id are shown', async () => {
    fakeFetch({
      'GET /api/me/accounts': { body: makeMyAccounts() },
      'PUT /api/me/account': {
        status: 503,
        body: makeErrorBody('rucio_unavailable', 'Rucio is not reachable', 'req-0042'),
      },
    });
    renderWithProviders(<AccountPicker account="alice" />);
    await chooseWithMouse('lst-analysis');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not switch to lst-analysis');
    expect(alert).toHaveTextContent('Rucio is not reachable');
    expect(alert).toHaveTextContent('req-0042');
  });

  it('when the switch is accepted, then every account-dependent query is refreshed, health is not', async () => {
    let switched = false;
    const net = fakeFetch({
      'GET /api/me/accounts': () => ({
        body: makeMyAccounts(['alice', 'lst-analysis'], switched ? 'lst-analysis' : 'alice'),
      }),
      'PUT /api/me/account': () => {
        switched = true;
        return { body: makeMyAccounts(['alice', 'lst-analysis'], 'lst-analysis') };
      },
    });
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(queryKeys.session.me(), makeMe());
    queryClient.setQueryData(queryKeys.scopes.list(), makeScopeList());
    queryClient.setQueryData(queryKeys.health.all, makeHealth());
    renderWithProviders(<AccountPicker account="alice" />, { queryClient });

    await chooseWithMouse('lst-analysis');
    expect(await picker('Rucio account: lst-analysis')).toBeInTheDocument();
    const invalidated = (key: readonly unknown[]) =>
      queryClient.getQueryState(key)?.isInvalidated ?? false;
    expect(invalidated(queryKeys.session.me())).toBe(true);
    expect(invalidated(queryKeys.scopes.list())).toBe(true);
    expect(invalidated(queryKeys.health.all)).toBe(false);
    // The list itself is on screen: asked again, and the BFF confirms the new account.
    expect(net.callsTo('GET', '/api/me/accounts')).toHaveLength(2);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('when the accounts cannot be listed, then the current account still shows, with a retry', async () => {
    const net = fakeFetch({
      'GET /api/me/accounts': {
        status: 502,
        body: makeErrorBody('rucio_error', 'Rucio answered with an error'),
      },
    });
    renderWithProviders(<AccountPicker account="alice" />);
    const retry = await screen.findByRole('button', { name: /could not be listed.*Retry/ });
    expect(screen.getByText(/Rucio account:/)).toHaveTextContent('Rucio account: alice');
    net.set('GET /api/me/accounts', { body: makeMyAccounts() });
    await userEvent.click(retry);
    expect(await picker()).toBeInTheDocument();
  });
});
