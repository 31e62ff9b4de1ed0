import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { DEMO_SITES } from '@/testing/rse-factories.ts';
import { SelectionReplicasPage } from './selection-replicas-page.tsx';

const FILE = 'acada:/ctao/acada/DL0/x/f.fits.fz';
const DATASET = 'acada:/ctao/acada/DL0/x';
const at = (dids: string[]) =>
  renderWithProviders(<SelectionReplicasPage />, {
    path: '/replicas',
    initialEntry: `/replicas?${new URLSearchParams(dids.map((d) => ['did', d])).toString()}`,
  });
const summary = (unknown: string[] = []) => ({
  body: {
    source: 'selection',
    rses: [
      {
        rse: 'DESY-ZN-DISK',
        state: 'UNAVAILABLE',
        availableFiles: 7,
        totalFiles: 9,
        availableBytes: 7_000,
        totalBytes: 9_000,
        datasets: { complete: 0, total: 1 },
      },
    ],
    selection: {
      files: 1,
      datasets: 1,
      containers: 0,
      datasetsSummed: 1,
      partial: false,
      unknown,
    },
  },
});

describe('SelectionReplicasPage', () => {
  it('when DIDs come from the link, then the BFF is asked for all of them at once and the table sums them', async () => {
    const fake = fakeFetch({
      'POST /api/replicas/summary': summary(),
      'GET /api/rses': { body: { rses: DEMO_SITES } },
    });
    at([FILE, DATASET]);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Where the selection lives' }),
    ).toBeVisible();
    expect(screen.getByRole('textbox', { name: /DIDs/ })).toHaveValue(`${FILE}\n${DATASET}`);
    const table = await screen.findByRole('table', { name: 'Replicas of the selection per RSE' });
    expect(within(table).getByRole('row', { name: /DESY-ZN-DISK/ })).toHaveTextContent(
      '7 / 9 files',
    );
    expect(screen.getByText(/Summed per RSE over 1 file, 1 dataset/)).toBeInTheDocument();
    const [call] = fake.callsTo('POST', '/api/replicas/summary');
    expect(JSON.parse(call?.body ?? '{}')).toEqual({
      dids: [
        { scope: 'acada', name: '/ctao/acada/DL0/x/f.fits.fz' },
        { scope: 'acada', name: '/ctao/acada/DL0/x' },
      ],
    });
    expect(call?.headers.get('X-CSRF')).toBe('1');
  });

  it('when a DID is not in Rucio, then the page names it as left out', async () => {
    fakeFetch({
      'POST /api/replicas/summary': summary(['acada:/nope']),
      'GET /api/rses': { body: { rses: DEMO_SITES } },
    });
    at([FILE, 'acada:/nope']);
    expect(await screen.findByText(/Rucio knows no DID named acada:\/nope/)).toBeInTheDocument();
  });

  it('when a pasted line is not scope:name, then the line is named and nothing is asked', async () => {
    const fake = fakeFetch({});
    at([]);
    await userEvent.type(screen.getByRole('textbox', { name: /DIDs/ }), 'just-a-name');
    expect(screen.getByText(/Line 1: "just-a-name" is not scope:name/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show where they are' })).toBeDisabled();
    expect(fake.calls).toHaveLength(0);
  });

  it('when DIDs are pasted and shown, then the link carries them and the map is asked for', async () => {
    const fake = fakeFetch({
      'POST /api/replicas/summary': summary(),
      'GET /api/rses': { body: { rses: DEMO_SITES } },
    });
    at([]);
    await userEvent.type(screen.getByRole('textbox', { name: /DIDs/ }), FILE);
    await userEvent.click(screen.getByRole('button', { name: 'Show where they are' }));
    await screen.findByRole('table', { name: 'Replicas of the selection per RSE' });
    expect(fake.callsTo('POST', '/api/replicas/summary')).toHaveLength(1);
  });
});
