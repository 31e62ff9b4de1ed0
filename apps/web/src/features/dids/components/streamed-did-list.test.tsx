import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CONTAINER,
  DATASET,
  didApiPath,
  makeDatasetRows,
  makeFiles,
} from '@/testing/did-factories.ts';
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

  it('when a container is listed, then each dataset says how many files it holds and their size', async () => {
    fakeFetch({
      [`GET ${didApiPath(CONTAINER, '/contents')}`]: ndjsonReply(makeDatasetRows([1, 12, null])),
    });
    renderWithProviders(<StreamedDidList did={CONTAINER} listing="contents" />);
    expect(await screen.findByText('3 items')).toBeInTheDocument();
    const links = within(screen.getByRole('list')).getAllByRole('link');
    expect(links[0]).toHaveTextContent('1 file · 4.00 GB');
    expect(links[1]).toHaveTextContent('12 files · 48.0 GB');
    expect(links[2]).not.toHaveTextContent('file');
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
