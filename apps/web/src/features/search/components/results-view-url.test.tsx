import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { withLayout } from '@/testing/layout.ts';
import { makeSearchRows } from '@/testing/search-factories.ts';
import { rowKey } from '../utils/row-selection.ts';
import { keysOnScreen, renderResults } from './search-results.fixtures.tsx';

/* The result table's sort, columns and widths in the permalink (url-view.ts). */

const rows = makeSearchRows(12);
const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent.trim());
const sortOf = (name: string) =>
  screen.getByRole('button', { name }).closest('[role="columnheader"]')?.getAttribute('aria-sort');
const widthOf = (label: string) =>
  screen.getByRole('separator', { name: `Resize ${label} column` }).getAttribute('aria-valuenow');
const query = (location: { search: string }) => new URLSearchParams(location.search).toString();

describe('results table: the view in the URL', { timeout: 30_000 }, () => {
  beforeEach(() => {
    withLayout();
  });

  it('when a permalink with a sort, columns and widths is opened, then the table is that one', () => {
    renderResults(rows, 'scope=acada&sort=-obs_id&cols=bytes,obs_id&widths=name:300,obs_id:150');
    expect(headers()).toEqual(['', 'Name', 'Size', 'Observation ID']);
    expect(sortOf('Observation ID')).toBe('descending');
    expect(sortOf('Name')).toBe('none');
    expect(keysOnScreen()[0]).toBe(rowKey(rows[11]!));
    expect(widthOf('Name')).toBe('300');
    expect(widthOf('Observation ID')).toBe('150');
    expect(widthOf('Size')).toBe('100');
  });

  it('when the URL holds garbage, then the table opens as it comes, widths clamped, and the URL is cleaned', async () => {
    const asItComes = renderResults(rows, 'scope=acada');
    const defaults = headers();
    asItComes.unmount();
    const { location } = renderResults(
      rows,
      'scope=acada&sort=-nope&cols=zz,&widths=obs_id:99999,name:abc,bytes:-1',
    );
    expect(headers()).toEqual(defaults);
    expect(screen.getAllByRole('columnheader').map((h) => h.getAttribute('aria-sort'))).toEqual([
      null,
      ...Array<string>(8).fill('none'),
    ]);
    expect(widthOf('Name')).toBe('420');
    expect(widthOf('Observation ID')).toBe('2000');
    expect(widthOf('Size')).toBe('60');
    await waitFor(() => {
      expect(query(location())).toBe('scope=acada&widths=bytes%3A60%2Cobs_id%3A2000');
    });
  });

  it('when the user sorts and resizes, then the URL follows, and opening it gives the same table', async () => {
    const user = userEvent.setup();
    const { location, unmount } = renderResults(rows, 'scope=acada');
    await user.click(screen.getByRole('button', { name: 'Observation ID' }));
    await user.click(screen.getByRole('button', { name: 'Observation ID' }));
    screen.getByRole('separator', { name: 'Resize Size column' }).focus();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => {
      expect(query(location())).toBe('scope=acada&sort=-obs_id&widths=bytes%3A116');
    });
    const permalink = query(location());
    unmount();

    renderResults(rows, permalink);
    expect(sortOf('Observation ID')).toBe('descending');
    expect(widthOf('Size')).toBe('116');
    expect(keysOnScreen()[0]).toBe(rowKey(rows[11]!));
  });

  it('when columns are chosen, then the URL and the user’s own choice both keep them; a link without columns shows the user’s', async () => {
    const user = userEvent.setup();
    const { location, unmount } = renderResults(rows, 'scope=acada');
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    const chooser = await screen.findByRole('group', { name: 'Columns shown' });
    await user.click(within(chooser).getByRole('checkbox', { name: 'Type' }));
    await waitFor(() => {
      expect(new URLSearchParams(location().search).get('cols')).toBe(
        'bytes,obs_id,site,data_level,start_time,target_name',
      );
    });
    unmount();

    renderResults(rows, 'scope=acada');
    await waitFor(() => {
      expect(headers()).not.toContain('Type');
    });
    expect(headers()).toContain('Size');
  });
});
