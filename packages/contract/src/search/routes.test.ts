import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../openapi.ts';
import { SearchControl, SearchRow } from './results.ts';

type Doc = {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>>;
};

describe('the search routes in the OpenAPI document', () => {
  const doc = buildOpenApi('1') as Doc;

  it('documents GET /api/search as NDJSON lines of a row or a control line', () => {
    const ok = doc.paths['/api/search']?.get?.responses['200'];
    const content = JSON.stringify(ok?.content);
    expect(Object.keys(ok?.content ?? {})).toEqual(['application/x-ndjson']);
    expect(content).toContain('#/components/schemas/SearchResultRow');
    expect(content).toContain('#/components/schemas/SearchControl');
    const rows = JSON.stringify(doc.components.schemas.SearchResultRow);
    expect(rows).toContain('#/components/schemas/SearchRow');
    expect(rows).toContain('#/components/schemas/SearchNameRow');
  });

  it('documents the export as an attachment in each format', () => {
    const ok = doc.paths['/api/search/export']?.get?.responses['200'];
    expect(Object.keys(ok?.content ?? {})).toEqual([
      'text/csv',
      'application/x-ndjson',
      'application/x-votable+xml',
    ]);
    expect(ok?.headers).toHaveProperty('Content-Disposition');
  });
});

describe('the search stream’s lines', () => {
  it('tells rows from control lines, and accepts the trailers and progress the BFF sends', () => {
    const row = {
      scope: 'acada',
      name: '/ctao/acada/x.fits.fz',
      type: 'FILE',
      bytes: 10,
      length: null,
      meta: { obs_id: 2000000001, tel_ids: [1, 2], valid_fits_checksum: true },
    };
    expect(SearchRow.parse(row)).toEqual(row);
    for (const line of [
      { progress: { matched: 5, sent: 3, scopesDone: ['acada'] } },
      { end: { count: 3, matched: 5 } },
      { end: { count: 200000, matched: 200001, capped: true, cap: 200000 } },
      {
        error: { code: 'rucio_unavailable', message: 'Rucio went away. The result is incomplete.' },
      },
    ])
      expect(SearchControl.parse(line)).toEqual(line);
    expect(SearchControl.safeParse({ end: { count: 1, capped: false } }).success).toBe(false);
  });
});
