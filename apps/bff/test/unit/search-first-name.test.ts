import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '@bdms/contract';
import { parseSearchQuery } from '../../src/search/search-query.ts';
import { createSearchService } from '../../src/search/search.service.ts';
import { Q } from './search-fakes.ts';

/*
 * Names only (GET /api/search?names=true): the first name is handed on before the names that came
 * with it have all passed the merge, so the BFF's first byte follows Rucio's at once.
 */

describe('names-only search: the first name', () => {
  it('when Rucio’s names are all there at once, then the first row is out after the first name was read, not after a batch of them', async () => {
    let read = 0;
    const service = createSearchService({
      rucio: {
        searchDidNames: async function* () {
          for (let i = 0; i < 5000; i++) {
            read += 1;
            yield await Promise.resolve(`/ctao/acada/f${String(i)}`);
          }
        },
        bulkMeta: () => {
          throw new Error('names only asks no metadata');
        },
      },
    });
    const query: SearchQuery = parseSearchQuery(Q({ didType: 'file' }));
    const run = service.open('token', query, {
      signal: new AbortController().signal,
      namesOnly: true,
    });
    const it = run.items[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value).toEqual({ scope: 'acada', name: '/ctao/acada/f0' });
    // The merge may have asked for the next name already; never for a batch's worth.
    expect(read).toBeLessThanOrEqual(2);
    let rows = 1;
    for (let next = await it.next(); !next.done; next = await it.next()) rows += 1;
    expect(rows).toBe(5000);
  });
});
