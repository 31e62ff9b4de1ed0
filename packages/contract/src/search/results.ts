import { z } from 'zod';
import { ApiErrorBody } from '../schemas.ts';

/*
 * The wire shapes of a metadata search's answer (GET /api/search, GET /api/search/export).
 * A search streams NDJSON: result rows, optional progress lines, then exactly one trailer.
 * Control lines have a single top-level key (`progress`, `end`, `error`); result rows never have
 * those keys, so a reader tells them apart by `'scope' in line`.
 */

/** A metadata value as Rucio's JSON plugin keeps it: a scalar, or a list of scalars (tel_ids). */
const MetaScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const SearchMetaValue = z.union([MetaScalar, z.array(MetaScalar)]);
export type SearchMetaValue = z.infer<typeof SearchMetaValue>;

/** One DID of the result, enriched from Rucio's bulk metadata (`POST /dids/bulkmeta`). */
export const SearchRow = z
  .object({
    scope: z.string(),
    name: z.string(),
    type: z.enum(['FILE', 'DATASET', 'CONTAINER']),
    bytes: z.number().nullable().describe('Size in bytes (files); null when Rucio has none'),
    length: z.number().nullable().describe('Number of files (collections); null when unknown'),
    meta: z
      .record(z.string(), SearchMetaValue)
      .describe(
        'The catalogue keys (and the keys the query names) this DID has, as Rucio stores them; absent keys are left out',
      ),
  })
  .meta({ id: 'SearchRow' });
export type SearchRow = z.infer<typeof SearchRow>;

/** One DID of a names-only search (`names=true`): Rucio's answer as it is, not enriched. */
export const SearchNameRow = z
  .object({ scope: z.string(), name: z.string() })
  .meta({ id: 'SearchNameRow' });
export type SearchNameRow = z.infer<typeof SearchNameRow>;

/** A result line of GET /api/search: an enriched row, or (names=true) a bare name. */
export const SearchResultRow = z.union([SearchRow, SearchNameRow]).meta({ id: 'SearchResultRow' });
export type SearchResultRow = z.infer<typeof SearchResultRow>;

/** How far the search is; sent now and then while rows flow, and when a scope's search ends. */
export const SearchProgress = z
  .object({
    progress: z.object({
      matched: z
        .number()
        .int()
        .nonnegative()
        .describe('Names Rucio has returned so far, every scope together'),
      sent: z.number().int().nonnegative().describe('Result rows sent so far'),
      scopesDone: z
        .array(z.string())
        .describe('Scopes whose Rucio search has finished (their names all received)'),
    }),
  })
  .meta({ id: 'SearchProgress' });
export type SearchProgress = z.infer<typeof SearchProgress>;

/** The result is complete (or stopped at the cap, said so by `capped`). */
export const SearchEnd = z
  .object({
    end: z.object({
      count: z.number().int().nonnegative().describe('Result rows sent'),
      matched: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe(
          'Names Rucio returned; more than count when rows of another DID type or outside the cone were dropped',
        ),
      capped: z
        .literal(true)
        .optional()
        .describe(
          'The result reached the row cap and was cut there: it is NOT the whole result (refine the query or export it)',
        ),
      cap: z.number().int().positive().optional().describe('The row cap, when capped'),
    }),
  })
  .meta({ id: 'SearchEnd' });
export type SearchEnd = z.infer<typeof SearchEnd>;

/** Rucio or the connection failed after rows were sent: the rows before it are an incomplete result. */
export const SearchError = z
  .object({ error: ApiErrorBody.shape.error })
  .meta({ id: 'SearchError' });
export type SearchError = z.infer<typeof SearchError>;

/** Every line of a search stream that is not a result row. A stream without end/error is incomplete. */
export const SearchControl = z
  .union([SearchProgress, SearchEnd, SearchError])
  .meta({ id: 'SearchControl' });
export type SearchControl = z.infer<typeof SearchControl>;

/** Any line of GET /api/search. */
export type SearchLine = SearchRow | SearchNameRow | SearchControl;

export const EXPORT_FORMATS = ['csv', 'ndjson', 'votable'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Media type of each export format. */
export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  votable: 'application/x-votable+xml',
};

const QueryText = z
  .string()
  .min(2)
  .max(16_000)
  .describe(
    'The query as JSON text of SearchQuery (scopes, didType, name, cone, groups), URL-encoded. Bad JSON, a bad shape or a query validateQuery refuses answer 400 bad_request with details.problems naming each field.',
  );

const flag = z.enum(['true', 'false', '1', '0']).optional().describe('true/1 or false/0');

export const SearchRequestQuery = z.object({
  q: QueryText,
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, { message: 'must be a positive whole number' })
    .optional()
    .describe('At most this many rows (the server also applies its own cap, SEARCH_ROW_CAP)'),
  names: flag.describe(
    "Names only: Rucio's answer as it is, rows {scope, name}, no enrichment, no type check, no exact cone (refused with a cone)",
  ),
});
export type SearchRequestQuery = z.infer<typeof SearchRequestQuery>;

export const SearchExportQuery = z.object({
  q: QueryText,
  format: z.enum(EXPORT_FORMATS).describe('csv, ndjson or votable (VOTable 1.4, TABLEDATA)'),
});
export type SearchExportQuery = z.infer<typeof SearchExportQuery>;

/** One problem of a refused query, as validateQuery (or the shape check) names it. */
export const SearchQueryProblem = z
  .object({
    field: z
      .string()
      .describe('The field, dotted: groups.0.1.value, cone.radius, scopes.0; "" = the whole query'),
    path: z.array(z.union([z.string(), z.number()])),
    problem: z
      .string()
      .describe('Stable problem code, e.g. unknown_operator, plugin_mix, bad_json'),
    message: z.string(),
  })
  .meta({ id: 'SearchQueryProblem' });
export type SearchQueryProblem = z.infer<typeof SearchQueryProblem>;

/** `error.details` of a 400 answer to a refused query. */
export const SearchQueryErrorDetails = z
  .object({ problems: z.array(SearchQueryProblem) })
  .meta({ id: 'SearchQueryErrorDetails' });
export type SearchQueryErrorDetails = z.infer<typeof SearchQueryErrorDetails>;
