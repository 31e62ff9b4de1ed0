import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { linksQueryOptions } from '@/lib/links-queries.ts';
import { createQueryClient } from '@/lib/query-client.ts';
import { makeErrorBody } from '@/testing/factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { makeLink, makeLinkList, makeScriptLink, revokedLink } from '@/testing/link-factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { MyLinksPage } from './my-links-page.tsx';

const DATASET = { scope: 'acada', name: '/ctao/acada/DL0/LSTN-01/2025/06/21' };
const active = makeLink();
const expired = makeLink({
  id: 'l2',
  createdAt: '2026-12-01T08:00:00.000Z',
  expiresAt: '2026-12-01T09:00:00.000Z',
  state: 'expired',
  uses: 0,
  lastUsedAt: null,
});
const script = makeScriptLink(DATASET, { id: 'l3', createdAt: '2026-11-30T10:00:00.000Z' });
const basket = makeScriptLink(
  { scope: 'basket', name: 'your basket (3 DIDs)' },
  {
    id: 'l4',
    createdAt: '2026-11-29T10:00:00.000Z',
    state: 'revoked',
    revokedAt: '2026-11-29T11:00:00.000Z',
  },
);
const LIST = makeLinkList([active, expired, script, basket]);

const openPage = (entry = '/my-links') =>
  renderWithProviders(<MyLinksPage />, { path: '/my-links', initialEntry: entry });
const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('MyLinksPage', () => {
  it('when the links load, then a placeholder shows, then one row per link with its file, times, state and uses', async () => {
    fakeFetch({ 'GET /api/links': { body: LIST } });
    openPage();
    expect(screen.getByRole('heading', { level: 1, name: 'My links' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Loading your links' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Your download links' });
    const [fileRow, expiredRow, scriptRow, basketRow] = bodyRows(table);
    expect(bodyRows(table)).toHaveLength(4);
    expect(within(fileRow!).getByRole('link', { name: 'SUB002_CHUNK000.fits.fz' })).toHaveAttribute(
      'href',
      '/dids/acada/%2Fctao%2Facada%2FDL0%2FARRAY%2Fctao-north%2Fevent%2F2025%2F02%2F03%2FSUB002_CHUNK000.fits.fz',
    );
    expect(fileRow).toHaveTextContent(
      'acadaSUB002_CHUNK000.fits.fz2026-12-03 12:00:00 UTC2026-12-04 12:00:00 UTCactive22026-12-03 13:00:00 UTC',
    );
    expect(expiredRow).toHaveTextContent('expired0—');
    // A dataset's script: one row for all its files, the dataset one click away.
    expect(scriptRow).toHaveTextContent(`acada · script, all its files${DATASET.name}`);
    expect(within(scriptRow!).getByRole('link', { name: DATASET.name })).toHaveAttribute(
      'href',
      '/dids/acada/%2Fctao%2Facada%2FDL0%2FLSTN-01%2F2025%2F06%2F21',
    );
    // The basket's script names no DID: a description, no link.
    expect(basketRow).toHaveTextContent('script, all their filesyour basket (3 DIDs)');
    expect(within(basketRow!).queryByRole('link')).toBeNull();
    expect(basketRow).toHaveTextContent('revoked2026-11-29 11:00:00 UTC');
    // Copy for each, Revoke for active ones only, each button naming its link.
    expect(
      within(fileRow!).getByRole('button', {
        name: 'Copy the link to SUB002_CHUNK000.fits.fz made 2026-12-03 12:00:00 UTC',
      }),
    ).toBeInTheDocument();
    expect(
      within(scriptRow!).getByRole('button', {
        name: `Revoke the script link for ${DATASET.name} made 2026-11-30 10:00:00 UTC`,
      }),
    ).toBeInTheDocument();
    expect(within(expiredRow!).queryByRole('button', { name: /^Revoke/ })).toBeNull();
    expect(within(basketRow!).queryByRole('button', { name: /^Revoke/ })).toBeNull();
  });

  it('when the list was read moments ago (a file’s page), then the page reads it again for fresh uses', async () => {
    const api = fakeFetch({ 'GET /api/links': { body: makeLinkList([makeLink({ uses: 7 })]) } });
    // The app's own client: its 30 s staleTime would keep a list read moments ago.
    const queryClient = createQueryClient();
    queryClient.setQueryData(linksQueryOptions().queryKey, makeLinkList([active]));
    renderWithProviders(<MyLinksPage />, {
      path: '/my-links',
      initialEntry: '/my-links',
      queryClient,
    });
    const table = screen.getByRole('table', { name: 'Your download links' });
    await waitFor(() => {
      expect(bodyRows(table)[0]).toHaveTextContent('active7');
    });
    expect(api.callsTo('GET', '/api/links')).toHaveLength(1);
  });

  it('when a state is chosen, then only its links show, the counts stay, and the URL keeps it', async () => {
    fakeFetch({ 'GET /api/links': { body: LIST } });
    const { location } = openPage();
    const filter = await screen.findByRole('radiogroup', { name: 'Show links' });
    expect(within(filter).getByRole('radio', { name: 'All (4)' })).toBeChecked();
    expect(within(filter).getByRole('radio', { name: 'Active (2)' })).toBeInTheDocument();
    expect(within(filter).getByRole('radio', { name: 'Expired (1)' })).toBeInTheDocument();
    await userEvent.click(within(filter).getByRole('radio', { name: 'Revoked (1)' }));
    const table = screen.getByRole('table', { name: 'Your download links' });
    expect(bodyRows(table)).toHaveLength(1);
    expect(table).toHaveTextContent('your basket (3 DIDs)');
    expect(location().search).toBe('?state=revoked');
    await userEvent.click(within(filter).getByRole('radio', { name: 'Active (2)' }));
    expect(bodyRows(table).map((r) => r.textContent)).toEqual([
      expect.stringContaining('SUB002_CHUNK000.fits.fz'),
      expect.stringContaining(DATASET.name),
    ]);
  });

  it('when opened with ?state=expired and none are, then it says so instead of an empty table', async () => {
    fakeFetch({ 'GET /api/links': { body: makeLinkList([active]) } });
    openPage('/my-links?state=expired');
    expect(await screen.findByText('None of your links is expired.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Expired (0)' })).toBeChecked();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('when a link is revoked, then only after the confirmation, with DELETE, and its row says revoked', async () => {
    const api = fakeFetch({ 'GET /api/links': { body: LIST } });
    api.set('DELETE /api/links/l1', () => {
      api.set('GET /api/links', {
        body: makeLinkList([revokedLink(active), expired, script, basket]),
      });
      return { body: revokedLink(active) };
    });
    openPage();
    const table = await screen.findByRole('table', { name: 'Your download links' });
    const revoke = /^Revoke the link to SUB002_CHUNK000.fits.fz/;
    await userEvent.click(within(table).getByRole('button', { name: revoke }));
    let dialog = await screen.findByRole('dialog', { name: 'Revoke this link?' });
    expect(dialog).toHaveTextContent(
      'the link to SUB002_CHUNK000.fits.fz answers that it was revoked',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(api.callsTo('DELETE', '/api/links/l1')).toHaveLength(0);

    await userEvent.click(within(table).getByRole('button', { name: revoke }));
    dialog = await screen.findByRole('dialog', { name: 'Revoke this link?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke the link' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    const [call] = api.callsTo('DELETE', '/api/links/l1');
    expect(call?.headers.get('X-CSRF')).toBe('1');
    const [fileRow] = bodyRows(table);
    expect(fileRow).toHaveTextContent('revoked2026-12-03 14:00:00 UTC');
    expect(within(fileRow!).queryByRole('button', { name: revoke })).toBeNull();
    expect(screen.getByText(/^Revoked the link to SUB002_CHUNK000.fits.fz/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Revoked (2)' })).toBeInTheDocument();
  });

  it('when the BFF refuses a revocation, then the dialog stays open and says why', async () => {
    fakeFetch({
      'GET /api/links': { body: LIST },
      'DELETE /api/links/l1': {
        status: 404,
        body: makeErrorBody('not_found', 'You have no link l1.'),
      },
    });
    openPage();
    await userEvent.click(await screen.findByRole('button', { name: /^Revoke the link to/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this link?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke the link' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not revoke the link: You have no link l1.',
    );
  });

  it('when the user has no link, then the empty state says where links are made', async () => {
    fakeFetch({ 'GET /api/links': { body: makeLinkList([]) } });
    openPage();
    expect(await screen.findByText('You have made no links yet')).toBeInTheDocument();
    expect(screen.getByText(/Share a link/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'basket' })).toHaveAttribute('href', '/basket');
    expect(screen.getByRole('link', { name: 'search' })).toHaveAttribute('href', '/search');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('when the list cannot be loaded, then the error says what the BFF said and offers a retry', async () => {
    fakeFetch({
      'GET /api/links': {
        status: 503,
        body: makeErrorBody(
          'session_store_unavailable',
          'The session store is not reachable: try again shortly.',
        ),
      },
    });
    openPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your links');
    expect(alert).toHaveTextContent('The session store is not reachable: try again shortly.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
