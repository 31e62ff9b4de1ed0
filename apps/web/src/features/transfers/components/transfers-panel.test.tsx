import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { TransfersPanel } from './transfers-panel.tsx';

const request = (id: string, submittedAt: string) => ({
  id,
  scope: 'acada',
  name: `/ctao/acada/DL0/x/${id}.fits.fz`,
  state: 'SUBMITTED',
  bytes: 5_000,
  account: 'root',
  ruleId: 'r1',
  activity: 'User Subscriptions',
  source: 'CTAO-N-ONSITE',
  destination: 'CSCS-DISK',
  submittedAt,
  retries: 0,
});

describe('TransfersPanel', () => {
  it('when transfers are in flight, then each RSE pair is summed and each transfer listed, with when Rucio was asked', async () => {
    fakeFetch({
      'GET /api/transfers': {
        body: {
          pairs: [
            {
              source: 'CTAO-N-ONSITE',
              destination: 'CSCS-DISK',
              files: 2,
              bytes: 10_000,
              states: { SUBMITTED: 2 },
            },
          ],
          requests: [
            request('a', '2026-12-03T08:12:03.000Z'),
            request('b', '2026-12-03T08:12:04.000Z'),
          ],
          total: 2,
          fetchedAt: '2026-12-03T08:12:05.000Z',
        },
      },
    });
    renderWithProviders(<TransfersPanel />);
    const pairs = await screen.findByRole('table', { name: 'Transfers per RSE pair' });
    const row = within(pairs).getByRole('row', { name: /CTAO-N-ONSITE/ });
    expect(row).toHaveTextContent('CSCS-DISK210.0 kB2 SUBMITTED');
    expect(within(row).getByRole('link', { name: 'CSCS-DISK' })).toHaveAttribute(
      'href',
      '/sites/CSCS-DISK',
    );
    const list = screen.getByRole('table', { name: 'Transfers in flight' });
    expect(within(list).getAllByRole('row')).toHaveLength(3);
    expect(
      within(list).getByRole('link', { name: 'acada:/ctao/acada/DL0/x/a.fits.fz' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /2 transfers between 1 pair of RSEs, as Rucio listed them at 2026-12-03 08:12:05 UTC/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('updated-at')).toHaveTextContent(/refreshes every 5 s/);
  });

  it('when nothing moves, then an empty state says so', async () => {
    fakeFetch({
      'GET /api/transfers': {
        body: { pairs: [], requests: [], total: 0, fetchedAt: '2026-12-03T08:12:05.000Z' },
      },
    });
    renderWithProviders(<TransfersPanel />);
    expect(await screen.findByText('No transfers in flight')).toBeInTheDocument();
  });

  it('when the user is no admin, then the BFF’s refusal is shown, not an empty list', async () => {
    fakeFetch({
      'GET /api/transfers': {
        status: 403,
        body: { error: { code: 'forbidden', message: 'This needs portal administrator rights' } },
      },
    });
    renderWithProviders(<TransfersPanel />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This needs portal administrator rights',
    );
  });
});
