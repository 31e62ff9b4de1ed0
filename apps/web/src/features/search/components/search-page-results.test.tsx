import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { withLayout } from '@/testing/layout.ts';
import { liveSearch, makeSearchRows } from '@/testing/search-factories.ts';
import { FILTER, group, render, scopes, URL_OK } from './search-page.fixtures.tsx';

describe('SearchPage: results', { timeout: 30_000 }, () => {
  beforeEach(() => {
    withLayout();
  });

  it('when rows stream in, then the count grows live, and Cancel stops the fetch and says the result is incomplete', async () => {
    const search = liveSearch(scopes);
    const user = userEvent.setup();
    render(URL_OK);
    await waitFor(() => {
      expect(search.requests).toHaveLength(1);
    });
    search.push(makeSearchRows(1));
    expect(await screen.findByText('1 results so far…')).toBeInTheDocument();
    search.push([{ progress: { matched: 40, sent: 1, scopesDone: [] } }, ...makeSearchRows(29, 1)]);
    expect(await screen.findByText('30 results so far…')).toBeInTheDocument();
    expect(screen.getByText('Rucio matched 40')).toBeInTheDocument();
    await waitFor(() => {
      const grid = screen.getByRole('grid', { name: 'Search results' });
      expect(grid).toHaveAttribute('aria-rowcount', '31');
    });

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(
      await screen.findByText('Search cancelled — the result is incomplete'),
    ).toBeInTheDocument();
    expect(search.aborted()).toBe(true);
    expect(screen.queryByText(/— complete$/)).not.toBeInTheDocument();
    expect(screen.getByText('30 rows arrived before you cancelled.')).toBeInTheDocument();
  });

  it('when the stream ends with an error line, then the rows stay and the result is marked incomplete with the reason', async () => {
    const search = liveSearch(scopes);
    render(URL_OK);
    await waitFor(() => {
      expect(search.requests).toHaveLength(1);
    });
    search.push([
      ...makeSearchRows(3),
      {
        error: {
          code: 'rucio_unavailable',
          message: 'Rucio stopped answering.',
          requestId: 'req-9',
        },
      },
    ]);
    search.close();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The result is incomplete');
    expect(alert).toHaveTextContent(
      '3 rows arrived before the search stopped: Rucio stopped answering.',
    );
    expect(alert).toHaveTextContent('req-9');
    expect(screen.getByRole('button', { name: 'Run again' })).toBeInTheDocument();
  });

  it('when the stream stops without its trailer, then the result is never shown as complete', async () => {
    const search = liveSearch(scopes);
    render(URL_OK);
    await waitFor(() => {
      expect(search.requests).toHaveLength(1);
    });
    search.push(makeSearchRows(2));
    search.close();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the stream ended without its closing line');
    expect(screen.queryByText(/— complete/)).not.toBeInTheDocument();
  });

  it('when the result is capped, then it says so plainly and offers the exports', async () => {
    const search = liveSearch(scopes);
    render(URL_OK);
    await waitFor(() => {
      expect(search.requests).toHaveLength(1);
    });
    search.push([...makeSearchRows(5), { end: { count: 5, matched: 9, capped: true, cap: 5 } }]);
    search.close();
    expect(await screen.findByText('Only part of the result is shown')).toBeInTheDocument();
    const csv = screen.getAllByRole('link', { name: 'Export CSV' })[0];
    expect(csv?.getAttribute('href')).toMatch(/^\/api\/search\/export\?q=.+&format=csv$/);
  });

  it('when the stream completes, then facets count the values and a click narrows the query in the URL', async () => {
    const search = liveSearch(scopes);
    const user = userEvent.setup();
    const { location } = render(URL_OK);
    await waitFor(() => {
      expect(search.requests).toHaveLength(1);
    });
    search.push([...makeSearchRows(3), { end: { count: 3 } }]);
    search.close();
    expect(await screen.findByText('3 results — complete')).toBeInTheDocument();
    const facets = screen.getByRole('complementary', { name: 'Facets' });
    await user.click(
      within(facets).getByRole('button', { name: /^Narrow to site =\s*CTAO-North\s*,\s*2$/ }),
    );
    await waitFor(() => {
      expect(new URLSearchParams(location().search).get('filter')).toBe(
        `${FILTER},site=CTAO-North`,
      );
    });
    await waitFor(() => {
      expect(search.requests).toHaveLength(2);
    });
  });

  it('when a search is run from the builder, then the URL is its permalink and opening it runs the same search', async () => {
    const search = liveSearch(scopes);
    const user = userEvent.setup();
    const { location } = render('/search');
    await user.click(await screen.findByRole('checkbox', { name: 'acada' }));
    const row = group(1, 1);
    await user.type(within(row).getByRole('combobox', { name: 'Key' }), 'site');
    await user.type(within(row).getByRole('combobox', { name: 'Value' }), 'CTAO-North');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => {
      expect(search.requests).toHaveLength(1);
    });
    const permalink = `${location().pathname}${location().search}`;
    expect(permalink).toBe('/search?scope=acada&type=file&filter=site%3DCTAO-North');
    const first = search.requests[0]?.searchParams.get('q');
    expect(JSON.parse(first ?? '{}')).toEqual({
      scopes: ['acada'],
      didType: 'file',
      groups: [[{ key: 'site', op: '=', value: 'CTAO-North' }]],
    });
  });

  it('when the permalink is opened, then the same search runs at once', async () => {
    const search = liveSearch(scopes);
    render('/search?scope=acada&type=file&filter=site%3DCTAO-North');
    await waitFor(() => {
      expect(search.requests).toHaveLength(1);
    });
    expect(JSON.parse(search.requests[0]?.searchParams.get('q') ?? '{}')).toEqual({
      scopes: ['acada'],
      didType: 'file',
      groups: [[{ key: 'site', op: '=', value: 'CTAO-North' }]],
    });
  });

  it('when the table is sorted, then the permalink carries the sort, the search is not run again, the editor keeps its draft, and a narrowed search keeps the sort', async () => {
    const search = liveSearch(scopes);
    const user = userEvent.setup();
    const { location } = render(`${URL_OK}&widths=name%3A300`);
    await waitFor(() => {
      expect(search.requests).toHaveLength(1);
    });
    search.push([...makeSearchRows(3), { end: { count: 3 } }]);
    search.close();
    expect(await screen.findByText('3 results — complete')).toBeInTheDocument();
    const name = screen.getByRole('textbox', { name: 'Name pattern' });
    await user.type(name, '/ctao/*');

    await user.click(screen.getByRole('button', { name: 'Observation ID' }));
    await waitFor(() => {
      expect(new URLSearchParams(location().search).get('sort')).toBe('obs_id');
    });
    expect(new URLSearchParams(location().search).get('widths')).toBe('name:300');
    expect(search.requests).toHaveLength(1);
    expect(screen.getByRole('textbox', { name: 'Name pattern' })).toHaveValue('/ctao/*');

    const facets = screen.getByRole('complementary', { name: 'Facets' });
    await user.click(
      within(facets).getByRole('button', { name: /^Narrow to site =\s*CTAO-North\s*,\s*2$/ }),
    );
    await waitFor(() => {
      expect(search.requests).toHaveLength(2);
    });
    const narrowed = new URLSearchParams(location().search);
    expect(narrowed.get('filter')).toBe(`${FILTER},site=CTAO-North`);
    expect(narrowed.get('sort')).toBe('obs_id');
    expect(narrowed.get('widths')).toBe('name:300');
  });
});
