import { z } from 'zod';
import { errors, INPUT_ERRORS, route, RUCIO_ERRORS, SESSION_ERRORS } from '../route-def.ts';
import {
  EXPORT_MEDIA_TYPES,
  SearchControl,
  SearchExportQuery,
  SearchRequestQuery,
  SearchResultRow,
} from './results.ts';
import { ArchiveValues, ArchiveValuesQuery } from './values.ts';

/** Refusals Rucio explains (an unknown scope: 404) reach the user in its words. */
const SEARCH_ERRORS = errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
  400: ['rucio_refused'],
  403: ['forbidden'],
  404: ['not_found'],
  409: ['rucio_refused'],
});

/** Metadata search (issue 6, item 4). */
export const searchRoutes = {
  search: route({
    method: 'get',
    path: '/api/search',
    summary:
      'Metadata search over one or more scopes (searched in parallel, merged), streamed as NDJSON: SearchRow lines (enriched with type, bytes, length and catalogue metadata; rows of another DID type or outside the cone dropped), optional {"progress":…} lines, then one trailer {"end":{count,matched,capped?}} or {"error":…}. A stream without a trailer is incomplete. capped: the row cap (SEARCH_ROW_CAP) cut the result. With names=true, SearchNameRow lines straight from Rucio.',
    auth: true,
    query: SearchRequestQuery,
    response: SearchResultRow,
    control: SearchControl,
    stream: true,
    errors: SEARCH_ERRORS,
  }),
  searchExport: route({
    method: 'get',
    path: '/api/search/export',
    summary:
      'The whole result of a search as an attachment, streamed from Rucio (no row cap): csv (header line; an incomplete result ends with a line "# INCOMPLETE: <reason>"), ndjson (SearchRow lines and the same trailer as /api/search) or votable (VOTable 1.4 TABLEDATA, typed FIELDs with units and UCDs; INFO name="QUERY_STATUS" after the table: value OK, or ERROR with the reason).',
    auth: true,
    query: SearchExportQuery,
    response: z.string(),
    download: Object.values(EXPORT_MEDIA_TYPES),
    errors: SEARCH_ERRORS,
  }),
  searchValues: route({
    method: 'get',
    path: '/api/search/values',
    summary:
      'The distinct values a metadata key has in one scope, read from the archive for the query builder’s suggestions. Rucio has no such list: the BFF finds them with limit-1 searches over text ranges of the key (about two Rucio calls per value), stops at a cap of values or time (complete: false), and shares the answer between users for a few minutes (Rucio’s search has no permission check).',
    auth: true,
    query: ArchiveValuesQuery,
    response: ArchiveValues,
    errors: SEARCH_ERRORS,
  }),
} as const;
