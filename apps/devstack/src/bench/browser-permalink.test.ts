import { describe, expect, it } from 'vitest';
import { searchPermalink } from './browser-permalink.ts';

describe('searchPermalink', () => {
  it('when the bench query is given, then the URL is the one the SPA writes for it', () => {
    const url = searchPermalink({
      scopes: ['acada'],
      didType: 'file',
      groups: [
        [
          { key: 'observing_night', op: '=', value: '2025-11-20' },
          { key: 'array_element', op: '=', value: 'LSTN-01' },
        ],
      ],
    });
    expect(url).toBe(
      '/search?scope=acada&type=file&filter=observing_night%3D2025-11-20%2Carray_element%3DLSTN-01',
    );
  });

  it('when a query has OR groups, a name pattern and a cone, then each has its parameter', () => {
    const url = new URL(
      searchPermalink({
        scopes: ['acada', 'dpps'],
        name: '*.fits.fz',
        cone: { ra: 83.63308, dec: 22.0145, radius: 1 },
        groups: [
          [{ key: 'obs_id', op: '>=', value: '2000000001' }],
          [{ key: 'site', op: '=', value: 'CTAO-South' }],
        ],
      }),
      'http://portal',
    );
    expect(url.searchParams.getAll('scope')).toEqual(['acada', 'dpps']);
    expect(url.searchParams.get('name')).toBe('*.fits.fz');
    expect(url.searchParams.get('filter')).toBe('obs_id>=2000000001; site=CTAO-South');
    expect(url.searchParams.get('cone')).toBe('83.63308,22.0145,1');
  });

  it('when the query is not a SearchQuery, then it throws', () => {
    expect(() => searchPermalink({ groups: [] })).toThrow();
  });
});
