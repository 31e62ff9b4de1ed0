import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DATASET, didApiPath, makeReplicaSummary } from '@/testing/did-factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { makeStates, replicaPlaceRoutes } from '@/testing/rse-factories.ts';
import { ReplicaSummaryTable } from './replica-summary-table.tsx';

const summaryOf = `GET ${didApiPath(DATASET, '/replicas/summary')}`;
const statesPath = didApiPath(DATASET, '/replicas/states');
const row = (rse: string, available: number, total: number) => ({
  rse,
  state: available === total ? 'AVAILABLE' : 'UNAVAILABLE',
  availableFiles: available,
  totalFiles: total,
  availableBytes: available * 1000,
  totalBytes: total * 1000,
});

describe('ReplicaSummaryTable: file replica states', () => {
  it('when a dataset of a few files is shown, then each RSE says its files by state', async () => {
    const states = makeStates({
      files: 6,
      rses: [
        { rse: 'CSCS-DISK', states: { AVAILABLE: 4, COPYING: 1, BAD: 1 } },
        { rse: 'DESY-ZN-DISK', states: { AVAILABLE: 6 } },
      ],
    });
    const fake = fakeFetch({
      [summaryOf]: {
        body: makeReplicaSummary({
          source: 'dataset_replicas',
          rses: [row('CSCS-DISK', 4, 6), row('DESY-ZN-DISK', 6, 6)],
        }),
      },
      ...replicaPlaceRoutes(DATASET, undefined, undefined, states),
    });
    renderWithProviders(<ReplicaSummaryTable did={DATASET} />);
    const table = await screen.findByRole('table', { name: 'Replicas per RSE' });
    expect(
      within(table).getByRole('columnheader', { name: 'File replicas by state' }),
    ).toBeVisible();
    const cscs = within(table).getByRole('row', { name: /CSCS-DISK/ });
    expect(await within(cscs).findByText('4 available, 1 copying, 1 bad')).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /DESY-ZN-DISK/ })).toHaveTextContent(
      '6 available',
    );
    expect(fake.callsTo('GET', statesPath)).toHaveLength(1);
  });

  it('when the DID has more files than are counted at once, then they are counted only when asked', async () => {
    const states = makeStates({
      files: 9000,
      rses: [{ rse: 'CSCS-DISK', states: { AVAILABLE: 9000 } }],
    });
    const fake = fakeFetch({
      [summaryOf]: {
        body: makeReplicaSummary({
          source: 'dataset_replicas',
          rses: [row('CSCS-DISK', 9000, 9000)],
        }),
      },
      ...replicaPlaceRoutes(DATASET, undefined, undefined, states),
    });
    renderWithProviders(<ReplicaSummaryTable did={DATASET} />);
    const ask = await screen.findByRole('button', { name: 'Count file states' });
    expect(screen.getByText(/counted on request for 9,000 files/)).toBeInTheDocument();
    expect(fake.callsTo('GET', statesPath)).toHaveLength(0);
    expect(screen.queryByRole('columnheader', { name: 'File replicas by state' })).toBeNull();
    await userEvent.click(ask);
    const table = screen.getByRole('table', { name: 'Replicas per RSE' });
    expect(await within(table).findByText('9,000 available')).toBeInTheDocument();
  });

  it('when Rucio has more files than the BFF counts, then the view says the count is partial', async () => {
    fakeFetch({
      [summaryOf]: {
        body: makeReplicaSummary({ source: 'dataset_replicas', rses: [row('CSCS-DISK', 3, 3)] }),
      },
      ...replicaPlaceRoutes(
        DATASET,
        undefined,
        undefined,
        makeStates({
          files: 3,
          complete: false,
          rses: [{ rse: 'CSCS-DISK', states: { AVAILABLE: 3 } }],
        }),
      ),
    });
    renderWithProviders(<ReplicaSummaryTable did={DATASET} />);
    expect(await screen.findByText(/counted over the first 3 files only/)).toBeInTheDocument();
  });
});
