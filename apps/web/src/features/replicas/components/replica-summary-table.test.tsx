import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CONTAINER, FILE, didApiPath, makeReplicaSummary } from '@/testing/did-factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { makeLocks, replicaPlaceRoutes } from '@/testing/rse-factories.ts';
import { ReplicaSummaryTable } from './replica-summary-table.tsx';

const summaryOf = `GET ${didApiPath(CONTAINER, '/replicas/summary')}`;
const row = (rse: string, available: number, total: number, complete: number, of: number) => ({
  rse,
  state: complete === of ? 'AVAILABLE' : 'UNAVAILABLE',
  availableFiles: available,
  totalFiles: total,
  availableBytes: available * 1000,
  totalBytes: total * 1000,
  datasets: { complete, total: of },
});

describe('ReplicaSummaryTable for a container', () => {
  it('when its datasets are summed per RSE, then the view is named and each RSE says how many datasets are complete', async () => {
    const summary = makeReplicaSummary({
      source: 'container_table',
      rses: [row('CSCS-DISK', 6, 18, 1, 3), row('CTAO-N-ONSITE', 28, 28, 4, 4)],
      container: { datasets: 4, partial: false },
    });
    fakeFetch({ [summaryOf]: { body: summary }, ...replicaPlaceRoutes(CONTAINER) });
    renderWithProviders(<ReplicaSummaryTable did={CONTAINER} />);
    const table = await screen.findByRole('table', { name: 'Replicas per RSE' });
    expect(screen.getByText(/as Rucio last computed it, not counted now/)).toHaveTextContent(
      "Summed over the container's 4 datasets (through its sub-containers)",
    );
    const cscs = within(table).getByRole('row', { name: /CSCS-DISK/ });
    expect(cscs).toHaveTextContent('1 of 3 complete');
    expect(cscs).toHaveTextContent('6 / 18 files');
    expect(cscs).toHaveTextContent('6.00 kB / 18.0 kB');
    expect(within(table).getByRole('row', { name: /CTAO-N-ONSITE/ })).toHaveTextContent(
      '4 of 4 complete',
    );
    expect(screen.queryByText('Partial summary')).not.toBeInTheDocument();
  });

  it('when the container was too large to sum whole, then a notice says the summary is partial', async () => {
    const summary = makeReplicaSummary({
      source: 'container_deep',
      rses: [row('CSCS-DISK', 1, 1, 1, 1)],
      container: { datasets: 10_000, partial: true },
    });
    fakeFetch({ [summaryOf]: { body: summary }, ...replicaPlaceRoutes(CONTAINER) });
    renderWithProviders(<ReplicaSummaryTable did={CONTAINER} />);
    expect(await screen.findByText('Partial summary')).toBeInTheDocument();
    expect(
      screen.getByText(/only the first 10,000 datasets found are counted/),
    ).toBeInTheDocument();
  });

  it('when none of its datasets has a replica, then an empty state says so', async () => {
    const summary = makeReplicaSummary({
      source: 'container_deep',
      rses: [],
      container: { datasets: 2, partial: false },
    });
    fakeFetch({ [summaryOf]: { body: summary }, ...replicaPlaceRoutes(CONTAINER) });
    renderWithProviders(<ReplicaSummaryTable did={CONTAINER} />);
    expect(
      await screen.findByText('Rucio knows no replica of any of its 2 datasets.'),
    ).toBeInTheDocument();
  });
});

describe('ReplicaSummaryTable for a file', () => {
  const copy = (rse: string, rank?: number) => ({
    rse,
    state: 'AVAILABLE',
    availableFiles: 1,
    totalFiles: 1,
    availableBytes: 4853,
    totalBytes: 4853,
    ...(rank === undefined ? {} : { rank }),
  });
  const fileSummaryOf = `GET ${didApiPath(FILE, '/replicas/summary')}`;

  it('when Rucio ranks its copies for the user, then the one it offers first is marked, rows staying in RSE order', async () => {
    const rses = [copy('CTAO-N-ONSITE', 3), copy('DESY-ZN-DISK', 1), copy('PIC-TAPE', 2)];
    fakeFetch({
      [fileSummaryOf]: { body: makeReplicaSummary({ source: 'file_replicas', rses }) },
      ...replicaPlaceRoutes(FILE),
    });
    renderWithProviders(<ReplicaSummaryTable did={FILE} />);
    const table = await screen.findByRole('table', { name: 'Replicas per RSE' });
    const marked = within(table).getAllByText('offered first');
    expect(marked).toHaveLength(1);
    expect(within(table).getByRole('row', { name: /DESY-ZN-DISK/ })).toContainElement(marked[0]!);
    expect(screen.getByText(/the one Rucio offers you first/)).toBeInTheDocument();
  });

  it('when the file has one copy, then there is no choice to mark', async () => {
    const rses = [copy('DESY-ZN-DISK', 1)];
    fakeFetch({
      [fileSummaryOf]: { body: makeReplicaSummary({ source: 'file_replicas', rses }) },
      ...replicaPlaceRoutes(FILE),
    });
    renderWithProviders(<ReplicaSummaryTable did={FILE} />);
    await screen.findByRole('table', { name: 'Replicas per RSE' });
    expect(screen.queryByText('offered first')).not.toBeInTheDocument();
    expect(screen.queryByText(/offers you first/)).not.toBeInTheDocument();
  });
});

describe('ReplicaSummaryTable while copies are being made', () => {
  const fileSummaryOf = `GET ${didApiPath(FILE, '/replicas/summary')}`;
  it('when a rule lock is replicating, then the panel says it refreshes', async () => {
    const summary = makeReplicaSummary({ source: 'file_replicas', rses: [] });
    const rses = [
      {
        rse: 'CSCS-DISK',
        state: 'COPYING',
        availableFiles: 0,
        totalFiles: 1,
        availableBytes: 0,
        totalBytes: 10,
      },
    ];
    fakeFetch({
      [fileSummaryOf]: { body: { ...summary, rses } },
      ...replicaPlaceRoutes(
        FILE,
        undefined,
        makeLocks({ rses: [{ rse: 'CSCS-DISK', ok: 0, replicating: 1, stuck: 0 }] }),
      ),
    });
    renderWithProviders(<ReplicaSummaryTable did={FILE} />);
    expect(await screen.findByText(/refreshes every 10 s/)).toBeInTheDocument();
  });

  it('when every copy is there, then it is not refreshed', async () => {
    fakeFetch({
      [fileSummaryOf]: {
        body: makeReplicaSummary({ source: 'file_replicas', rses: [row('CSCS-DISK', 1, 1, 1, 1)] }),
      },
      ...replicaPlaceRoutes(FILE),
    });
    renderWithProviders(<ReplicaSummaryTable did={FILE} />);
    expect(await screen.findByTestId('updated-at')).not.toHaveTextContent(/refreshes/);
  });
});
