import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { makeErrorBody, makeScopeList } from '@/testing/factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { ScopesPage } from './scopes-page.tsx';

const scopes = ['ctao.dl0', 'ctao.dl3', 'ctao.sim', 'user.alice'];

function renderPage(initialEntry = '/scopes') {
  return renderWithProviders(<ScopesPage />, { initialEntry, path: '/scopes' });
}

const listedScopes = () =>
  within(screen.getByRole('list', { name: 'Scopes' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('ScopesPage', () => {
  it('when scopes load, then skeletons give way to a list of links with a count', async () => {
    fakeFetch({ 'GET /api/scopes': { body: makeScopeList(scopes) } });
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Scopes' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Loading scopes' })).toBeInTheDocument();

    expect(await screen.findByRole('list', { name: 'Scopes' })).toBeInTheDocument();
    expect(listedScopes()).toEqual(scopes);
    expect(screen.getByText('4 scopes')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'user.alice' })).toHaveAttribute(
      'href',
      '/scopes/user.alice',
    );
    expect(screen.queryByRole('status', { name: 'Loading scopes' })).not.toBeInTheDocument();
    expect(document.title).toMatch(/^Scopes · BDMS Portal/);
  });

  it('when the user types in the filter, then only matching scopes stay and the URL keeps the filter', async () => {
    fakeFetch({ 'GET /api/scopes': { body: makeScopeList(scopes) } });
    const { location } = renderPage();
    await screen.findByRole('list', { name: 'Scopes' });

    await userEvent.type(screen.getByLabelText('Filter scopes'), 'CTAO.D');
    expect(listedScopes()).toEqual(['ctao.dl0', 'ctao.dl3']);
    expect(screen.getByText('2 of 4 scopes')).toBeInTheDocument();
    expect(location().search).toBe('?filter=CTAO.D');

    await userEvent.type(screen.getByLabelText('Filter scopes'), 'zzz');
    expect(screen.getByText('No scopes match this filter')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show all scopes' }));
    expect(listedScopes()).toEqual(scopes);
    expect(screen.getByLabelText('Filter scopes')).toHaveValue('');
  });

  it('when opened with ?filter=, then the filter is applied from the URL', async () => {
    fakeFetch({ 'GET /api/scopes': { body: makeScopeList(scopes) } });
    renderPage('/scopes?filter=sim');
    await screen.findByRole('list', { name: 'Scopes' });
    expect(screen.getByLabelText('Filter scopes')).toHaveValue('sim');
    expect(listedScopes()).toEqual(['ctao.sim']);
  });

  it('when Rucio lists no scopes, then an empty state explains it', async () => {
    fakeFetch({ 'GET /api/scopes': { body: makeScopeList([]) } });
    renderPage();
    expect(await screen.findByText('No scopes')).toBeInTheDocument();
    expect(screen.getByText(/Rucio lists no scopes for your account/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Scopes' })).not.toBeInTheDocument();
  });

  it('when loading fails, then the BFF message and request id show, and Retry loads again', async () => {
    const net = fakeFetch({
      'GET /api/scopes': {
        status: 503,
        body: makeErrorBody('rucio_unavailable', 'Rucio did not answer', 'req-9'),
      },
    });
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Rucio did not answer')).toBeInTheDocument();
    expect(within(alert).getByText('req-9')).toBeInTheDocument();

    net.set('GET /api/scopes', { body: makeScopeList(['ctao.dl0']) });
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => {
      expect(listedScopes()).toEqual(['ctao.dl0']);
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(net.callsTo('GET', '/api/scopes')).toHaveLength(2);
  });
});
