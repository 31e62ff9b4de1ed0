import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { didPath } from '@/lib/did-url.ts';
import { withLayout } from '@/testing/layout.ts';
import { makeSearchRows } from '@/testing/search-factories.ts';
import { renderResults } from './search-results.fixtures.tsx';

/* The results grid's rows (issue 6, results): links to DID pages, and rows that scroll cheaply. */

const rows = makeSearchRows(300);
const bodyRows = () => screen.getAllByRole('row').slice(1);
const index = (row: HTMLElement) => Number(row.getAttribute('aria-rowindex')) - 2;

describe('results table rows', { timeout: 30_000 }, () => {
  beforeEach(() => {
    withLayout();
  });

  it('when a row’s name is clicked, then the app opens its DID page and the grid keeps the focus; with Ctrl held it leaves the link to the browser', async () => {
    const user = userEvent.setup();
    const { location } = renderResults(rows);
    const first = rows[0]!;
    const link = screen.getByRole('link', { name: first.name });
    expect(link).toHaveAttribute('href', didPath(first));

    await user.keyboard('{Control>}');
    await user.click(link);
    await user.keyboard('{/Control}');
    expect(location().pathname).toBe('/search');

    // The press leaves the focus on the grid (a scroll may give the link's node to another row).
    expect(fireEvent.mouseDown(link)).toBe(false);
    expect(
      fireEvent.mouseDown(
        screen.getByRole('checkbox', { name: `Select ${first.scope}:${first.name}` }),
      ),
    ).toBe(false);

    await user.click(link);
    expect(location().pathname).toBe(didPath(first));
  });

  it('when the grid scrolls a whole window down, then the rows that come into view reuse the elements of those that left, in order and with their own content', () => {
    renderResults(rows);
    const grid = screen.getByRole('grid', { name: 'Search results' });
    const scrollTo = (row: number) => {
      grid.scrollTop = row * 36;
      fireEvent.scroll(grid);
      return bodyRows();
    };
    // Away from the top, so the window has its overscan on both sides before and after.
    const before = scrollTo(100);
    const last = index(before.at(-1)!);
    const after = scrollTo(last + 10);

    const indices = after.map(index);
    expect(indices[0]).toBeGreaterThan(last);
    expect(indices).toEqual(indices.map((_, i) => indices[0]! + i));
    expect(after).toHaveLength(before.length);
    expect(after.every((row) => before.includes(row))).toBe(true);
    for (const row of after) {
      const shown = rows[index(row)]!;
      expect(row).toHaveTextContent(shown.name);
      expect(row.querySelector('input')).toHaveAccessibleName(
        `Select ${shown.scope}:${shown.name}`,
      );
    }
  });
});
