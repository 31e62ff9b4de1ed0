import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BASKET_DATASET, BASKET_FILE, basketChange } from '@/testing/basket-factories.ts';
import { makeErrorBody } from '@/testing/factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { AddToBasketButton, BasketNavBadge } from './basket-actions.tsx';

describe('AddToBasketButton', () => {
  it('when a selection is added, then the BFF gets the DIDs and the user hears what was added and what was there', async () => {
    const api = fakeFetch({
      'POST /api/basket/items': {
        body: basketChange({ added: [BASKET_DATASET], already: [BASKET_FILE], count: 3 }),
      },
    });
    renderWithProviders(<AddToBasketButton dids={[BASKET_FILE, BASKET_DATASET]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add 2 DIDs to basket' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Added 1 DID to the basket (1 was already there); it holds 3 DIDs. Open the basket',
    );
    expect(screen.getByRole('link', { name: 'Open the basket' })).toHaveAttribute(
      'href',
      '/basket',
    );
    const [call] = api.callsTo('POST', '/api/basket/items');
    expect(JSON.parse(call?.body ?? '')).toEqual({ dids: [BASKET_FILE, BASKET_DATASET] });
  });

  it('when everything was there already, or the BFF refuses, then it says so', async () => {
    const api = fakeFetch({
      'POST /api/basket/items': { body: basketChange({ already: [BASKET_FILE], count: 1 }) },
    });
    renderWithProviders(<AddToBasketButton dids={[BASKET_FILE]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add to basket' }));
    expect(await screen.findByText(/^Already in the basket\./)).toBeInTheDocument();
    api.set('POST /api/basket/items', {
      status: 409,
      body: makeErrorBody('conflict', 'Your basket holds 10000 DIDs.'),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Add to basket' }));
    expect(await screen.findByText('Not added: Your basket holds 10000 DIDs.')).toBeInTheDocument();
  });
});

describe('BasketNavBadge', () => {
  it('shows the count, read by screen readers as DIDs; nothing when the basket is empty', async () => {
    const api = fakeFetch({ 'GET /api/basket/count': { body: { count: 12, max: 10_000 } } });
    const { unmount } = renderWithProviders(<BasketNavBadge />);
    expect(await screen.findByText('12 DIDs')).toBeInTheDocument();
    expect(screen.getByText('12').closest('[aria-hidden="true"]')).not.toBeNull();
    unmount();
    api.set('GET /api/basket/count', { body: { count: 0, max: 10_000 } });
    renderWithProviders(<BasketNavBadge />);
    await waitFor(() => {
      expect(api.callsTo('GET', '/api/basket/count')).toHaveLength(2);
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/DID/)).toBeNull();
  });
});
