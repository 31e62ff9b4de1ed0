import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CONTAINER, didApiPath, makeReplicaSummary } from '@/testing/did-factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
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
    fakeFetch({ [summaryOf]: { body: summary } });
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
    fakeFetch({ [summaryOf]: { body: summary } });
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
    fakeFetch({ [summaryOf]: { body: summary } });
    renderWithProviders(<ReplicaSummaryTable did={CONTAINER} />);
    expect(
      await screen.findByText('Rucio knows no replica of any of its 2 datasets.'),
    ).toBeInTheDocument();
  });
});
