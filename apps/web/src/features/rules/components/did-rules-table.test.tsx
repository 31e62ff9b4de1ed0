import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DATASET, FILE, didApiPath, makeRule } from '@/testing/did-factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { DidRulesTable } from './did-rules-table.tsx';

const rulesOf = (did: { scope: string; name: string }) => `GET ${didApiPath(did, '/rules')}`;

describe('DidRulesTable', () => {
  it('when a file is kept by its dataset’s rule, then "On" links to the dataset and says it is via the dataset', async () => {
    const viaDataset = makeRule({ direct: false, on: { ...DATASET, type: 'DATASET' } });
    const onFile = makeRule({ id: 'r-file', direct: true, on: { ...FILE, type: 'FILE' } });
    fakeFetch({ [rulesOf(FILE)]: { body: { rules: [onFile, viaDataset] } } });
    renderWithProviders(<DidRulesTable did={FILE} />);
    const table = await screen.findByRole('table', { name: 'Replication rules' });
    expect(within(table).getByRole('columnheader', { name: 'On' })).toBeInTheDocument();
    const [, direct, inherited] = within(table).getAllByRole('row');
    expect(direct).toHaveTextContent('this DID');
    const link = within(inherited as HTMLElement).getByRole('link', { name: DATASET.name });
    expect(link).toHaveAttribute('href', `/dids/acada/${encodeURIComponent(DATASET.name)}`);
    expect(inherited).toHaveTextContent('via its dataset');
  });

  it('when no rule keeps the DID, then an empty state says so', async () => {
    fakeFetch({ [rulesOf(FILE)]: { body: { rules: [] } } });
    renderWithProviders(<DidRulesTable did={FILE} />);
    expect(await screen.findByText('No rules on this DID')).toBeInTheDocument();
  });
});
