import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { MyLinksPage } from './my-links-page.tsx';
import { ShareLinkButton } from './share-link-button.tsx';

const FILE = { scope: 'acada', name: '/ctao/acada/DL0/x/f.fits.fz' };
const link = (over: Record<string, unknown> = {}) => ({
  id: 'l1',
  ...FILE,
  url: 'http://portal.test/links/eyJ.x.y/f.fits.fz',
  bytes: 4853,
  adler32: 'bc7e9586',
  createdAt: '2026-12-03T12:00:00.000Z',
  expiresAt: '2026-12-04T12:00:00.000Z',
  revokedAt: null,
  state: 'active',
  uses: 2,
  lastUsedAt: '2026-12-03T13:00:00.000Z',
  ...over,
});

describe('ShareLinkButton', () => {
  it('when a link is asked for, then the hours go to the BFF and the link shows to copy', async () => {
    const fake = fakeFetch({ 'POST /api/links': { status: 201, body: link() } });
    renderWithProviders(<ShareLinkButton did={FILE} />);
    await userEvent.click(screen.getByRole('button', { name: 'Share a link' }));
    const hours = await screen.findByRole('textbox', { name: /Works for \(hours\)/ });
    await userEvent.clear(hours);
    await userEvent.type(hours, '48');
    await userEvent.click(screen.getByRole('button', { name: 'Create the link' }));
    expect(await screen.findByRole('textbox', { name: 'Link' })).toHaveValue(link().url);
    expect(screen.getByText(/until 2026-12-04 12:00:00 UTC/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the link' })).toBeInTheDocument();
    const [call] = fake.callsTo('POST', '/api/links');
    expect(JSON.parse(call?.body ?? '{}')).toEqual({ ...FILE, hours: 48 });
    expect(call?.headers.get('X-CSRF')).toBe('1');
  });

  it('when the BFF refuses the hours, then the field says why and nothing is lost', async () => {
    fakeFetch({
      'POST /api/links': {
        status: 400,
        body: { error: { code: 'bad_request', message: 'hours: at most 168 here.' } },
      },
    });
    renderWithProviders(<ShareLinkButton did={FILE} />);
    await userEvent.click(screen.getByRole('button', { name: 'Share a link' }));
    const hours = await screen.findByRole('textbox', { name: /Works for \(hours\)/ });
    await userEvent.clear(hours);
    await userEvent.type(hours, '500');
    await userEvent.click(screen.getByRole('button', { name: 'Create the link' }));
    expect(await screen.findByText('hours: at most 168 here.')).toBeInTheDocument();
    expect(hours).toHaveValue('500');
  });
});

describe('MyLinksPage', () => {
  it('lists each link with its state and uses, and revokes an active one', async () => {
    const fake = fakeFetch({
      'GET /api/links': {
        body: {
          links: [
            link(),
            link({ id: 'l2', state: 'revoked', revokedAt: '2026-12-03T12:30:00.000Z' }),
          ],
          maxHours: 168,
        },
      },
      'DELETE /api/links/l1': { body: link({ state: 'revoked' }) },
    });
    renderWithProviders(<MyLinksPage />, { path: '/my-links', initialEntry: '/my-links' });
    const table = await screen.findByRole('table', { name: 'My download links' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('f.fits.fz');
    expect(rows[0]).toHaveTextContent('active');
    expect(rows[1]).toHaveTextContent('revoked');
    expect(within(rows[1]!).queryByRole('button', { name: /Revoke/ })).toBeNull();
    await userEvent.click(
      within(rows[0]!).getByRole('button', { name: 'Revoke the link to f.fits.fz' }),
    );
    expect(fake.callsTo('DELETE', '/api/links/l1')).toHaveLength(1);
  });

  it('says when there are none', async () => {
    fakeFetch({ 'GET /api/links': { body: { links: [], maxHours: 168 } } });
    renderWithProviders(<MyLinksPage />, { path: '/my-links', initialEntry: '/my-links' });
    expect(await screen.findByText('No links yet')).toBeInTheDocument();
  });
});
