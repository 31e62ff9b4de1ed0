import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { withLayout } from '@/testing/layout.ts';
import { liveSearch } from '@/testing/search-factories.ts';
import { savedSearchHref } from '../utils/saved-link.ts';
import { FILTER, group, render, scopes, URL_OK } from './search-page.fixtures.tsx';

describe('SearchPage: composing a query', { timeout: 30_000 }, () => {
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
    const text = await screen.findByRole('textbox', { name: 'Rucio filter' });
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
    await user.click(await screen.findByRole('checkbox', { name: /cone search/i }));
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
    await user.click(await screen.findByRole('checkbox', { name: /cone search/i }));
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
