import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { withLayout } from '@/testing/layout.ts';
import { makeSearchRows } from '@/testing/search-factories.ts';
import { rowKey } from '../utils/row-selection.ts';
import { box, keysOnScreen, renderResults, selectedKeys } from './search-results.fixtures.tsx';

/*
 * Range selection in the results table (issue 6, results): Shift with a click, Space or a move
 * selects from the anchor to that row, in the order on screen.
 */

// 30 rows alternate between the sites, and the site is in the name before the observation ID:
// sorted by name, the even rows (CTAO-North) come first, then the odd ones.
const rows = makeSearchRows(30);
const keys = (...indices: number[]) => indices.map((i) => rowKey(rows[i] ?? rows[0]!));
const status = () => screen.getByText(/rows? selected$/);

/** The table of `rows` with its grid focused, and a user to type into it. */
function focusedGrid() {
  const user = userEvent.setup();
  renderResults(rows);
  const grid = screen.getByRole('grid', { name: 'Search results' });
  grid.focus();
  return { user, grid };
}

describe('results table: selecting ranges', { timeout: 30_000 }, () => {
  beforeEach(() => {
    withLayout();
  });

  it('when a box is clicked and another shift-clicked in a sorted table, then exactly the rows between them on screen take the anchor’s state', async () => {
    const user = userEvent.setup();
    renderResults(rows);
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(keysOnScreen().slice(0, 3)).toEqual(keys(0, 2, 4));

    await user.click(box(rows[6]));
    await user.keyboard('{Shift>}');
    await user.click(box(rows[14]));
    await user.keyboard('{/Shift}');
    // Rows 7, 9, 11 and 13 lie between 6 and 14 in the result, but not on screen.
    expect(selectedKeys()).toEqual(keys(6, 8, 10, 12, 14));
    expect(box(rows[10])).toBeChecked();
    expect(box(rows[9])).not.toBeChecked();
    expect(status()).toHaveTextContent('5 rows selected');
    expect(screen.getByRole('button', { name: 'Copy 5 selected DIDs' })).toBeInTheDocument();
    // The selection, in the order on screen, can be asked for as a rule.
    const request = new URL(
      screen.getByRole('link', { name: 'Request a rule for 5 DIDs' }).getAttribute('href') ?? '',
      'http://portal.test',
    );
    expect(request.pathname).toBe('/rules/new');
    expect(request.searchParams.getAll('did')).toEqual(keys(6, 8, 10, 12, 14));
    // And shown on one replica map.
    const map = new URL(
      screen.getByRole('link', { name: 'Show 5 DIDs on the map' }).getAttribute('href') ?? '',
      'http://portal.test',
    );
    expect(map.pathname).toBe('/replicas');
    expect(map.searchParams.getAll('did')).toEqual(keys(6, 8, 10, 12, 14));

    // Unticking a box makes it the anchor of a range that unticks.
    await user.click(box(rows[10]));
    await user.keyboard('{Shift>}');
    await user.click(box(rows[6]));
    await user.keyboard('{/Shift}');
    expect(selectedKeys()).toEqual(keys(12, 14));
    expect(screen.getByRole('checkbox', { name: 'Select all rows' })).toBePartiallyChecked();
  });

  it('when Shift and the arrows, Home or End move the active row, then the range from where it started follows it, growing and shrinking', async () => {
    // Tall enough for all 30 rows to be in the page, so rows out of the range can be looked at.
    withLayout(1024, 1200);
    const { user, grid } = focusedGrid();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(selectedKeys()).toEqual(keys(2, 3, 4));
    expect(grid).toHaveAttribute('aria-activedescendant', expect.stringMatching(/-row-4$/));
    await user.keyboard('{Shift>}{ArrowUp}{/Shift}');
    expect(selectedKeys()).toEqual(keys(2, 3));

    // A plain move keeps the anchor: the range still starts at row 2.
    await user.keyboard('{ArrowDown}{Shift>}{End}{/Shift}');
    expect(status()).toHaveTextContent('28 rows selected');
    expect(box(rows[29])).toBeChecked();
    expect(box(rows[1])).not.toBeChecked();
    // The same anchor the other way: the rows after it are unselected again.
    await user.keyboard('{Shift>}{Home}{/Shift}');
    expect(selectedKeys()).toEqual(keys(0, 1, 2));
  });

  it('when Space is pressed, then the active row toggles and anchors; Shift+Space later selects from it to the active row', async () => {
    const { user } = focusedGrid();
    await user.keyboard('{ArrowDown} ');
    expect(selectedKeys()).toEqual(keys(1));
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(selectedKeys()).toEqual(keys(1));
    await user.keyboard('{Shift>} {/Shift}');
    expect(selectedKeys()).toEqual(keys(1, 2, 3, 4));
    // Space again unselects the active row alone, and a range from it unselects.
    await user.keyboard(' {ArrowUp}{ArrowUp}{Shift>} {/Shift}');
    expect(selectedKeys()).toEqual(keys(1));
  });

  it('when a box is clicked, then its row becomes the active row and the keys go on from there', async () => {
    const user = userEvent.setup();
    renderResults(rows);
    const grid = screen.getByRole('grid', { name: 'Search results' });
    await user.click(box(rows[5]));
    expect(grid).toHaveFocus();
    expect(grid).toHaveAttribute('aria-activedescendant', expect.stringMatching(/-row-5$/));
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(selectedKeys()).toEqual(keys(5, 6, 7));
  });

  it('when all rows are selected from the header and one shift-clicked, then the range starts nowhere: only that row changes', async () => {
    const user = userEvent.setup();
    renderResults(rows);
    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }));
    expect(status()).toHaveTextContent('30 rows selected');
    await user.keyboard('{Shift>}');
    await user.click(box(rows[3]));
    await user.keyboard('{/Shift}');
    expect(status()).toHaveTextContent('29 rows selected');
    expect(box(rows[3])).not.toBeChecked();
  });

  it('when Ctrl+A (or ⌘A) is pressed in the grid, then every row is selected; Escape then clears the selection', async () => {
    const { user } = focusedGrid();
    await user.keyboard('{Control>}a{/Control}');
    expect(status()).toHaveTextContent('30 rows selected');
    expect(screen.getByRole('checkbox', { name: 'Select all rows' })).toBeChecked();
    await user.keyboard('{Escape}');
    expect(status()).toHaveTextContent('0 rows selected');
    await user.keyboard('{Meta>}a{/Meta}');
    expect(status()).toHaveTextContent('30 rows selected');
    // Selecting all leaves no anchor: Shift+Down from here changes one row, not a range.
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(status()).toHaveTextContent('30 rows selected');
  });
});
