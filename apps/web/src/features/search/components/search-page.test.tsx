import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeScopeList } from '@/testing/factories.ts';
import { withLayout } from '@/testing/layout.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { liveSearch, makeSearchRows } from '@/testing/search-factories.ts';
import { savedSearchHref } from '../utils/saved-link.ts';
import { SearchPage } from './search-page.tsx';

const scopes = {
  'GET /api/scopes': { body: makeScopeList(['acada', 'dpps', 'user.alice']) },
  // Asked when a value input gets focus (value-suggestions.test.tsx tests the suggestions).
  'GET /api/search/values': {
    body: {
      scope: 'acada',
      key: 'k',
      values: [],
      complete: true,
      computedAt: '2026-12-02T10:00:00Z',
    },
  },
};
const FILTER = 'observatory=CTA,2000000001<=obs_id<=2000000100';
const URL_OK = `/search?scope=acada&type=file&filter=${encodeURIComponent(FILTER)}`;

const render = (initialEntry = '/search') =>
  renderWithProviders(<SearchPage />, { initialEntry, path: '/search' });

const group = (g: number, i: number) =>
  screen.getByRole('group', { name: `Condition ${i} of group ${g}` });

describe('SearchPage', { timeout: 30_000 }, () => {
  beforeEach(() => {
    withLayout();
  });

  it('when the builder is switched to text and back, then the conditions round-trip through Rucio filter text', async () => {
    const search = liveSearch(scopes);
    const user = userEvent.setup();
    render(URL_OK);
    expect(await screen.findByText(/results so far/)).toBeInTheDocument();
    expect(within(group(1, 1)).getByRole('combobox', { name: 'Key' })).toHaveValue('observatory');
    expect(within(group(1, 2)).getByRole('combobox', { name: 'Operator' })).toHaveValue('>=');

    await user.click(screen.getByRole('radio', { name: 'Text (Rucio filter)' }));
    const text = screen.getByRole('textbox', { name: 'Rucio filter' });
    expect(text).toHaveValue(FILTER);

    await user.clear(text);
    await user.type(text, 'site=CTAO-South,type=dataset; data_level=DL3,type=dataset');
    await user.click(screen.getByRole('radio', { name: 'Builder' }));
    expect(within(group(1, 1)).getByRole('combobox', { name: 'Key' })).toHaveValue('site');
    expect(within(group(2, 1)).getByRole('combobox', { name: 'Key' })).toHaveValue('data_level');
    expect(screen.getByRole('combobox', { name: 'DID type' })).toHaveValue('dataset');
    expect(search.requests).toHaveLength(1);
  });

  it('when the filter text has a bad token, then the error shows that token and the field is marked invalid', async () => {
    liveSearch(scopes);
    const user = userEvent.setup();
    render('/search?scope=acada&mode=text');
    const text = await screen.findByRole('textbox', { name: 'Rucio filter' });
    await user.type(text, 'observatory=CTA,obs_id>>5');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const alert = await screen.findByRole('alert', { name: 'Problems in the filter' });
    expect(within(alert).getByTestId('error-token')).toHaveTextContent('>');
    expect(alert).toHaveTextContent('character 24');
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(text.getAttribute('aria-describedby')).toContain(alert.id);
  });

  it('when a value has the wrong type, then the message is next to that value', async () => {
    liveSearch(scopes);
    const user = userEvent.setup();
    render('/search?scope=acada');
    const row = await waitFor(() => group(1, 1));
    await user.type(within(row).getByRole('combobox', { name: 'Key' }), 'obs_id');
    await user.type(within(row).getByRole('textbox', { name: 'Value' }), 'abc');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const value = within(group(1, 1)).getByRole('textbox', { name: 'Value' });
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription(/"abc" is not a whole number/);
  });

  it('when a time is typed as MJD, then it is also shown as ISO 8601', async () => {
    liveSearch(scopes);
    const user = userEvent.setup();
    render('/search?scope=acada');
    const row = await waitFor(() => group(1, 1));
    await user.type(within(row).getByRole('combobox', { name: 'Key' }), 'start_time');
    await user.type(within(row).getByRole('textbox', { name: 'Value' }), '60710.5');
    expect(within(row).getByText('2025-02-04T12:00:00Z · MJD 60710.50000')).toBeInTheDocument();
  });

  it('when the Crab is chosen for a cone, then RA/Dec are filled and the URL carries the cone', async () => {
    const search = liveSearch(scopes);
    const user = userEvent.setup();
    const { location } = render('/search?scope=acada&type=file');
    await user.click(await screen.findByRole('switch', { name: /cone search/i }));
    await user.type(screen.getByRole('combobox', { name: 'Target' }), 'crab');
    expect(screen.getByRole('textbox', { name: 'RA (ICRS)' })).toHaveValue('83.63308');
    expect(screen.getByRole('textbox', { name: 'Dec (ICRS)' })).toHaveValue('22.0145');
    expect(screen.getByText('83.63308° = 05:34:31.94')).toBeInTheDocument();
    const radius = screen.getByRole('textbox', { name: 'Radius' });
    await user.clear(radius);
    await user.type(radius, '0.5');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => {
      expect(new URLSearchParams(location().search).get('cone')).toBe('83.63308,22.0145,0.5');
    });
    // The URL already held a query (scope and type), which ran first.
    await waitFor(() => {
      expect(search.requests).toHaveLength(2);
    });
    const q = JSON.parse(search.requests[1]?.searchParams.get('q') ?? '{}') as unknown;
    expect(q).toMatchObject({ cone: { ra: 83.63308, dec: 22.0145, radius: 0.5 } });
  });

  it('when a cone position is typed in sexagesimal, then it is read as degrees', async () => {
    const search = liveSearch(scopes);
    const user = userEvent.setup();
    render('/search?scope=acada&type=file');
    await user.click(await screen.findByRole('switch', { name: /cone search/i }));
    await user.type(screen.getByRole('textbox', { name: 'RA (ICRS)' }), '05:34:31.94');
    await user.type(screen.getByRole('textbox', { name: 'Dec (ICRS)' }), '+22:00:52.2');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => {
      expect(search.requests).toHaveLength(2);
    });
    const q = JSON.parse(search.requests[1]?.searchParams.get('q') ?? '{}') as {
      cone: { ra: number; dec: number };
    };
    expect(q.cone.ra).toBeCloseTo(83.63308, 4);
    expect(q.cone.dec).toBeCloseTo(22.0145, 4);
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
      within(facets).getByRole('button', { name: 'Narrow to site = CTAO-North (2)' }),
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

  it('when a saved search no longer validates, then it opens in text mode with the error on its token', async () => {
    const search = liveSearch(scopes);
    const href = savedSearchHref({
      id: '0b6e3f0e-8f1c-4d7e-9a3b-5c2d1e0f4a6b',
      name: 'old',
      query: { scopes: ['acada'], groups: [[{ key: 'obs_id', op: '>=', value: 'abc' }]] },
      filter: 'obs_id>=abc',
      problems: [
        {
          path: ['groups', 0, 0, 'value'],
          field: 'groups.0.0.value',
          problem: 'wrong_type',
          message: 'm',
        },
      ],
      createdAt: '2025-02-04T21:34:05Z',
      updatedAt: '2025-02-04T21:34:05Z',
      lastRun: null,
    });
    render(href);
    const text = await screen.findByRole('textbox', { name: 'Rucio filter' });
    expect(text).toHaveValue('obs_id>=abc');
    const alert = screen.getByRole('alert', { name: 'Problems in the filter' });
    expect(within(alert).getByTestId('error-token')).toHaveTextContent('abc');
    expect(alert).toHaveTextContent('is not a whole number');
    expect(search.requests).toHaveLength(0);
  });
});
