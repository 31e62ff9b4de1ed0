import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DidActionsContext } from '@/components/did-actions.tsx';
import { DidHeader } from '@/features/dids/components/did-header.tsx';
import { SearchResultsView } from '@/features/search/components/search-results.tsx';
import { finished } from '@/features/search/components/search-results.fixtures.tsx';
import { basketChange } from '@/testing/basket-factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { withLayout } from '@/testing/layout.ts';
import { makeSearchRows } from '@/testing/search-factories.ts';
import { AddToBasket } from './routes/basket.ts';

/* The basket's "Add to basket", as the app provides it to the DID page and the search results. */

const file = { scope: 'acada', name: '/ctao/acada/DL0/f1.fits.fz' };

describe('Add to basket, offered by the app to other features', () => {
  it('when the DID page is open, then its header adds that DID', async () => {
    const api = fakeFetch({
      'POST /api/basket/items': { body: basketChange({ added: [file], count: 1 }) },
      // The breadcrumbs ask for the scope's roots.
      'GET /api/scopes/acada/roots': { body: { scope: 'acada', roots: ['/ctao'] } },
    });
    renderWithProviders(
      <DidActionsContext value={AddToBasket}>
        <DidHeader did={file} type="FILE" />
      </DidActionsContext>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Add to basket' }));
    await waitFor(() => {
      expect(api.callsTo('POST', '/api/basket/items')).toHaveLength(1);
    });
    const [sent] = api.callsTo('POST', '/api/basket/items');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ dids: [file] });
    expect(
      await screen.findByText(/^Added 1 DID to the basket; it holds 1 DID\./),
    ).toBeInTheDocument();
  });

  it('when search results are selected, then "Add N to basket" adds them in the order on screen', async () => {
    withLayout();
    const rows = makeSearchRows(3);
    const api = fakeFetch({
      'POST /api/basket/items': { body: basketChange({ added: rows.slice(0, 2), count: 2 }) },
    });
    renderWithProviders(
      <DidActionsContext value={AddToBasket}>
        <SearchResultsView
          query={{ scopes: ['acada'], groups: [] }}
          search={finished(rows)}
          onNarrow={() => undefined}
        />
      </DidActionsContext>,
      { initialEntry: '/search?scope=acada', path: '/search' },
    );
    expect(screen.queryByRole('button', { name: /to basket$/ })).toBeNull();
    const boxes = await screen.findAllByRole('checkbox', { name: /^Select acada:/ });
    await userEvent.click(boxes[0]!);
    await userEvent.click(boxes[1]!);
    await userEvent.click(await screen.findByRole('button', { name: 'Add 2 DIDs to basket' }));
    await waitFor(() => {
      expect(api.callsTo('POST', '/api/basket/items')).toHaveLength(1);
    });
    const [call] = api.callsTo('POST', '/api/basket/items');
    const sent = JSON.parse(call?.body ?? '') as { dids: unknown[] };
    expect(sent.dids).toHaveLength(2);
    expect(await screen.findByText(/^Added 2 DIDs to the basket/)).toBeInTheDocument();
  });
});
