import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DownloadLink } from '@/lib/api-contract-links.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { makeLink } from '@/testing/link-factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { ShareLinkButton } from './share-link-button.tsx';

const FILE = { scope: 'acada', name: '/ctao/acada/DL0/x/f.fits.fz' };
const link = (over: Partial<DownloadLink> = {}) =>
  makeLink({ ...FILE, url: 'http://portal.test/links/eyJ.x.y/f.fits.fz', ...over });

describe('ShareLinkButton', () => {
  it('when a link is asked for, then the duration goes to the BFF and the link shows to copy', async () => {
    const fake = fakeFetch({
      'POST /api/links': { status: 201, body: link() },
      'GET /api/links': { body: { links: [], maxHours: 168 } },
    });
    renderWithProviders(<ShareLinkButton did={FILE} />);
    await userEvent.click(screen.getByRole('button', { name: 'Share a link' }));
    const dialog = await screen.findByRole('dialog', { name: 'A download link to share' });
    expect(within(dialog).getByRole('radio', { name: '1 day' })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('radio', { name: '3 days' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the link' }));
    expect(await within(dialog).findByRole('textbox', { name: 'Link' })).toHaveValue(link().url);
    expect(within(dialog).getByText(/until 2026-12-04 12:00:00 UTC/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy the link' })).toBeInTheDocument();
    const [call] = fake.callsTo('POST', '/api/links');
    expect(JSON.parse(call?.body ?? '{}')).toEqual({ ...FILE, hours: 72 });
    expect(call?.headers.get('X-CSRF')).toBe('1');
  });

  it('when the BFF refuses, then the dialog says why and keeps the choice', async () => {
    fakeFetch({
      'POST /api/links': {
        status: 400,
        body: { error: { code: 'bad_request', message: 'hours: at most 24 here.' } },
      },
      'GET /api/links': { body: { links: [], maxHours: 24 } },
    });
    renderWithProviders(<ShareLinkButton did={FILE} />);
    await userEvent.click(screen.getByRole('button', { name: 'Share a link' }));
    const dialog = await screen.findByRole('dialog', { name: 'A download link to share' });
    await userEvent.click(within(dialog).getByRole('radio', { name: '7 days' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the link' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('hours: at most 24 here.');
    expect(within(dialog).getByRole('radio', { name: '7 days' })).toBeChecked();
  });

  it('lists the user’s links to this file only, and revokes an active one once confirmed in its row', async () => {
    const other = link({ id: 'l3', name: '/ctao/acada/DL0/x/other.fits.fz' });
    const fake = fakeFetch({
      'GET /api/links': {
        body: {
          links: [
            link(),
            link({ id: 'l2', state: 'revoked', revokedAt: '2026-12-03T12:30:00.000Z' }),
            other,
          ],
          maxHours: 168,
        },
      },
      'DELETE /api/links/l1': { body: link({ state: 'revoked' }) },
    });
    renderWithProviders(<ShareLinkButton did={FILE} />);
    await userEvent.click(screen.getByRole('button', { name: 'Share a link' }));
    const table = await screen.findByRole('table', { name: 'Your links to this file' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('active');
    expect(rows[1]).toHaveTextContent('revoked');
    expect(within(rows[1]!).queryByRole('button', { name: /Revoke/ })).toBeNull();
    // Asked first, in the row; "Keep it" (where the keyboard lands) sends nothing.
    await userEvent.click(within(rows[0]!).getByRole('button', { name: /^Revoke the link made/ }));
    const ask = within(rows[0]!).getByRole('group', {
      name: /^Revoke the link made .*cannot be undone/,
    });
    expect(within(ask).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(fake.callsTo('DELETE', '/api/links/l1')).toHaveLength(0);
    await userEvent.click(within(rows[0]!).getByRole('button', { name: /^Revoke the link made/ }));
    await userEvent.click(within(rows[0]!).getByRole('button', { name: 'Revoke it' }));
    expect(fake.callsTo('DELETE', '/api/links/l1')).toHaveLength(1);
  });
});
