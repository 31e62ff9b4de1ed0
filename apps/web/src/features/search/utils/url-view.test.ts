import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS } from './columns.ts';
import { readSearchParams, searchPart } from './url-query.ts';
import { readView, writeView } from './url-view.ts';

const QUERY = 'scope=acada&type=file&filter=site%3DCTAO-North';

describe('the result table in the permalink', () => {
  it('when a sort, columns and widths are written and read back, then they are the same, after the query', () => {
    const view = {
      sort: { column: 'meta.obs_id', direction: 'descending' as const },
      columns: ['bytes', 'meta.obs_id', 'meta.site'],
      widths: { name: 300, 'meta.obs_id': 150, bytes: 100 },
    };
    const params = writeView(new URLSearchParams(QUERY), view);
    expect(params.toString()).toBe(
      `${QUERY}&sort=-obs_id&cols=bytes%2Cobs_id%2Csite&widths=name%3A300%2Cobs_id%3A150`,
    );
    expect(readView(new URLSearchParams(params.toString()))).toEqual({
      ...view,
      // The default width of a column is not written.
      widths: { name: 300, 'meta.obs_id': 150 },
    });
    // The view is not part of the search.
    expect(searchPart(params)).toBe(QUERY);
    expect(readSearchParams(params)).toEqual(readSearchParams(new URLSearchParams(QUERY)));
  });

  it('when the table is as it comes, then the URL carries nothing more', () => {
    const params = writeView(new URLSearchParams(QUERY), {
      sort: null,
      columns: DEFAULT_COLUMNS,
      widths: { name: 420 },
    });
    expect(params.toString()).toBe(QUERY);
  });

  it('when an old permalink has no view, then it opens with no sort, the user’s columns and the default widths', () => {
    expect(readView(new URLSearchParams(QUERY))).toEqual({
      sort: null,
      columns: undefined,
      widths: {},
    });
  });

  it('when the sort is ascending or names a column by its full id, then it is read; a column a link cannot have is not', () => {
    const sortOf = (text: string) => readView(new URLSearchParams({ sort: text })).sort;
    expect(sortOf('name')).toEqual({ column: 'name', direction: 'ascending' });
    expect(sortOf('meta.start_time')).toEqual({
      column: 'meta.start_time',
      direction: 'ascending',
    });
    for (const bad of ['', '-', '--bytes', 'nope', '-meta.', 'meta.nope', '__proto__'])
      expect(sortOf(bad)).toBeNull();
  });

  it('when the columns are unknown or repeated, then only known ones are kept, each once, in order', () => {
    const columnsOf = (text: string) => readView(new URLSearchParams({ cols: text })).columns;
    expect(columnsOf('site,bytes,site,nope,meta.site')).toEqual(['meta.site', 'bytes']);
    // The name is always shown, first.
    expect(columnsOf('nope,,zz,name')).toBeUndefined();
    // An empty list is a choice: the name column alone.
    expect(columnsOf('')).toEqual([]);
    expect(columnsOf(`${'x,'.repeat(100_000)}bytes`)).toBeUndefined();
  });

  it('when widths are garbage or absurd, then garbage is left out and the rest clamped', () => {
    const widthsOf = (text: string) => readView(new URLSearchParams({ widths: text })).widths;
    expect(
      widthsOf('name:abc,obs_id:99999,bytes:-5,site:1e2,type:,length,nope:100,target_name:150.6'),
    ).toEqual({
      'meta.obs_id': 2000,
      bytes: 60,
      'meta.site': 100,
      'meta.target_name': 151,
    });
    expect(widthsOf('obs_id:Infinity,site:NaN')).toEqual({});
  });

  it('when widths are written, then only the shown columns’ are, clamped', () => {
    const params = writeView(new URLSearchParams(), {
      sort: null,
      columns: ['bytes'],
      widths: { 'meta.obs_id': 150, bytes: 5000 },
    });
    expect(params.get('cols')).toBe('bytes');
    expect(params.get('widths')).toBe('bytes:2000');
  });
});
