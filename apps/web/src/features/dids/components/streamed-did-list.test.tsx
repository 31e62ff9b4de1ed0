import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET, didApiPath, makeFiles } from '@/testing/did-factories.ts';
import { fakeFetch, ndjsonReply } from '@/testing/fake-fetch.ts';
import { withLayout } from '@/testing/layout.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { StreamedDidList } from './streamed-did-list.tsx';

const contents = `GET ${didApiPath(DATASET, '/contents')}`;

describe('StreamedDidList', () => {
  beforeEach(() => {
    withLayout();
  });

  it('when a big dataset streams in, then the count says every file but only the rows in view are in the page', async () => {
    fakeFetch({ [contents]: ndjsonReply(makeFiles(5000)) });
    renderWithProviders(<StreamedDidList did={DATASET} listing="contents" />);
    expect(await screen.findByText('5,000 items')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: `Contents of ${DATASET.scope}:${DATASET.name}` });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(100);
    expect(items[0]).toHaveAttribute('aria-setsize', '5000');
    const first = within(items[0] as HTMLElement).getByRole('link');
    expect(first).toHaveTextContent('file_000000.fits.fz');
    expect(first).toHaveTextContent('2.00 GB');
    expect(first).toHaveAttribute(
      'href',
      `/dids/acada/${encodeURIComponent(`${DATASET.name}/file_000000.fits.fz`)}`,
    );
  });

  it('when the stream breaks after some rows, then they stay and the listing is said to be incomplete', async () => {
    const rows = makeFiles(2)
      .map((r) => `${JSON.stringify(r)}\n`)
      .join('');
    fakeFetch({
      [contents]: {
        text: `${rows}{"error":{"code":"rucio_unavailable","message":"Rucio went away."}}\n`,
        headers: { 'content-type': 'application/x-ndjson' },
      },
    });
    renderWithProviders(<StreamedDidList did={DATASET} listing="contents" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The contents listing is incomplete');
    expect(alert).toHaveTextContent('Rucio went away.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('when a file has no parents, then an empty state says so', async () => {
    fakeFetch({ [`GET ${didApiPath(DATASET, '/parents')}`]: ndjsonReply([]) });
    renderWithProviders(<StreamedDidList did={DATASET} listing="parents" />);
    expect(await screen.findByText('Not attached to any collection')).toBeInTheDocument();
    expect(screen.getByText('0 parents')).toBeInTheDocument();
  });
});
