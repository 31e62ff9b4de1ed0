import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { withLayout } from '@/testing/layout.ts';
import { makeSearchRows } from '@/testing/search-factories.ts';
import { box, renderResults } from './search-results.fixtures.tsx';

/*
 * Issue 8, item 4: scripts and manifests for a search's selection or its whole result, in a
 * dialog loaded when first opened (the /search route's budget).
 */
const rows = makeSearchRows(5);

describe('results: scripts for a selection or the whole result', { timeout: 30_000 }, () => {
  beforeEach(() => {
    withLayout();
  });

  it('when nothing is selected, then the whole result is offered, its files counted in the dialog', async () => {
    renderResults(rows);
    await userEvent.click(await screen.findByRole('button', { name: 'Scripts for all results' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Scripts and manifests for all 5 results',
    });
    expect(dialog).toHaveTextContent('Every file below 5 DIDs, each once');
    expect(screen.getByRole('combobox', { name: 'Script or manifest' })).toHaveValue('curl');
    expect(screen.getByRole('button', { name: 'Download script' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Download as ZIP' })).not.toBeInTheDocument();
  });

  it('when two rows are selected, then the dialog is for those two', async () => {
    renderResults(rows);
    await userEvent.click(box(rows[1]));
    await userEvent.click(box(rows[3]));
    await userEvent.click(await screen.findByRole('button', { name: 'Scripts for the selection' }));
    expect(
      await screen.findByRole('dialog', { name: 'Scripts and manifests for 2 selected DIDs' }),
    ).toHaveTextContent('Every file below 2 DIDs');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
