import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  BASKET_DATASET,
  BASKET_FILE,
  basketChange,
  makeBasket,
} from '@/testing/basket-factories.ts';
import { makeErrorBody } from '@/testing/factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { BasketPage } from './basket-page.tsx';

const openBasket = () =>
  renderWithProviders(<BasketPage />, { path: '/basket', initialEntry: '/basket' });
const key = (d: { scope: string; name: string }) => `${d.scope}:${d.name}`;

describe('BasketPage', () => {
  it('when the basket loads, then a labelled placeholder shows, then totals, rows and where the data is', async () => {
    fakeFetch({ 'GET /api/basket': { body: makeBasket() } });
    openBasket();
    expect(screen.getByRole('status', { name: 'Loading the basket' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'DIDs in the basket' });
    const totals = screen.getByRole('region', { name: 'Basket totals' });
    expect(totals).toHaveTextContent('DIDs2');
    expect(totals).toHaveTextContent('Files5');
    expect(totals).toHaveTextContent('Size13.7 GB');
    expect(totals).toHaveTextContent('On tape only13.7 GB');
    expect(
      screen.getByText(/dataset-replica table, which its daemon updates later/),
    ).toBeInTheDocument();
    const [, fileRow, datasetRow] = within(table).getAllByRole('row');
    expect(within(fileRow!).getByRole('link', { name: key(BASKET_FILE) })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/dids\/acada\/%2Fctao/) as string,
    );
    expect(fileRow).toHaveTextContent('File14.85 kBOn disk');
    expect(datasetRow).toHaveTextContent('Dataset413.7 GBTape only13.7 GB on tape only');
  });

  it('when rows are selected and removed, then the BFF is sent those DIDs with the CSRF header', async () => {
    const api = fakeFetch({
      'GET /api/basket': { body: makeBasket() },
      'DELETE /api/basket/items': { body: basketChange({ removed: [BASKET_FILE], count: 1 }) },
    });
    openBasket();
    const remove = await screen.findByRole('button', { name: 'Remove selected' });
    expect(remove).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: `Select ${key(BASKET_FILE)}` }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove 1 selected DID' }));
    await waitFor(() => {
      expect(api.callsTo('DELETE', '/api/basket/items')).toHaveLength(1);
    });
    const [call] = api.callsTo('DELETE', '/api/basket/items');
    expect(JSON.parse(call?.body ?? '')).toEqual({ dids: [BASKET_FILE] });
    expect(call?.headers.get('X-CSRF')).toBe('1');
    // The basket is read again after the change.
    await waitFor(() => {
      expect(api.callsTo('GET', '/api/basket')).toHaveLength(2);
    });
  });

  it('when "select all" is used by keyboard, then every row is selected', async () => {
    fakeFetch({ 'GET /api/basket': { body: makeBasket() } });
    openBasket();
    const all = await screen.findByRole('checkbox', { name: 'Select all' });
    all.focus();
    await userEvent.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: `Select ${key(BASKET_DATASET)}` })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Remove 2 selected DIDs' })).toBeEnabled();
  });

  it('when the basket is emptied, then only after the confirmation', async () => {
    const api = fakeFetch({
      'GET /api/basket': { body: makeBasket() },
      'DELETE /api/basket': {
        body: basketChange({ removed: [BASKET_FILE, BASKET_DATASET], count: 0 }),
      },
    });
    openBasket();
    await userEvent.click(await screen.findByRole('button', { name: 'Empty the basket' }));
    const dialog = await screen.findByRole('dialog', { name: 'Empty the basket?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep them' }));
    expect(api.callsTo('DELETE', '/api/basket')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Empty the basket' }));
    api.set('GET /api/basket', { body: makeBasket([]) });
    const again = await screen.findByRole('dialog', { name: 'Empty the basket?' });
    await userEvent.click(within(again).getByRole('button', { name: 'Empty the basket' }));
    expect(await screen.findByText('Your basket is empty')).toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/basket')).toHaveLength(1);
  });

  it('when the basket is empty, then it says how to fill it', async () => {
    fakeFetch({ 'GET /api/basket': { body: makeBasket([]) } });
    openBasket();
    expect(await screen.findByText('Your basket is empty')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'search page' })).toHaveAttribute('href', '/search');
  });

  it('when the BFF fails, then the error is shown with its request id and a retry', async () => {
    const api = fakeFetch({
      'GET /api/basket': {
        status: 503,
        body: makeErrorBody('rucio_unavailable', 'Rucio does not answer.'),
      },
    });
    openBasket();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the basket');
    expect(screen.getByText('Rucio does not answer.')).toBeInTheDocument();
    api.set('GET /api/basket', { body: makeBasket() });
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'DIDs in the basket' })).toBeInTheDocument();
  });
});
