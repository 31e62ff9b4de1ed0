/**
 * Twins of the search and saved-search routes (see api-contract.ts for why twins). A module of
 * their own so that only the search page carries these schemas;
 * api-contract-search.test.ts holds them to the contract.
 */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';

type MetaScalar = string | number | boolean | null;
type MetaValue = MetaScalar | MetaScalar[];

const isScalar = (v: unknown): v is MetaScalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * A row's metadata, checked by hand: zod/mini's record schema would add ~0.6 kB to every page's
 * first load (zod is shared by all pages), and /scopes must stay under 170 kB. The BFF's contract
 * checks the same shape with zod (SearchRow in @bdms/contract); the twin test holds the rest.
 */
const isMetaRecord = (v: unknown): v is Record<string, MetaValue> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => isScalar(x) || (Array.isArray(x) && x.every(isScalar)));

/** One DID of a search result, enriched by the BFF from Rucio's bulk metadata. */
export const SearchRow = z.object({
  scope: z.string(),
  name: z.string(),
  type: z.enum(['FILE', 'DATASET', 'CONTAINER']),
  bytes: z.nullable(z.number()),
  length: z.nullable(z.number()),
  meta: z.custom<Record<string, MetaValue>>(isMetaRecord),
});
export type SearchRow = z.output<typeof SearchRow>;

const SearchNameRow = z.object({ scope: z.string(), name: z.string() });

/**
 * The shape of a query as saved (SearchQueryInput), without its size limits: the BFF enforces
 * them, and each check class zod/mini adds lands on every page's first load.
 */
const SearchQueryInput = z.object({
  scopes: z.array(z.string()),
  didType: z.optional(z.string()),
  name: z.optional(z.string()),
  cone: z.optional(z.object({ ra: z.number(), dec: z.number(), radius: z.number() })),
  groups: z.array(z.array(z.object({ key: z.string(), op: z.string(), value: z.string() }))),
});

/** Counts are ≥ 0; the BFF's contract checks that (a minimum check here costs every page). */
const Count = z.int();
/**
 * Ids and instants are read as plain strings: checking uuid and date-time formats would put
 * zod's format code on every page's first load (zod/mini is shared by all pages), and the SPA
 * only shows them. api-contract-search.test.ts allows exactly these differences.
 */
const Id = z.string();
const Instant = z.string();

export const SavedSearch = z.object({
  id: Id,
  name: z.string(),
  query: z.optional(SearchQueryInput),
  filter: z.string(),
  problems: z.array(
    z.object({
      path: z.array(z.union([z.string(), z.int()])),
      field: z.string(),
      problem: z.string(),
      message: z.string(),
    }),
  ),
  createdAt: Instant,
  updatedAt: Instant,
  lastRun: z.nullable(z.object({ at: Instant, count: Count, complete: z.boolean() })),
});
export type SavedSearch = z.output<typeof SavedSearch>;

export const SavedSearchList = z.object({ savedSearches: z.array(SavedSearch), max: z.int() });

/** Keyed like the contract's `api`. */
export const searchApi = {
  search: {
    method: 'get',
    path: '/api/search',
    response: z.union([SearchRow, SearchNameRow]),
  },
  searchExport: { method: 'get', path: '/api/search/export', response: z.string() },
  listSavedSearches: { method: 'get', path: '/api/saved-searches', response: SavedSearchList },
  createSavedSearch: { method: 'post', path: '/api/saved-searches', response: SavedSearch },
  getSavedSearch: { method: 'get', path: '/api/saved-searches/:id', response: SavedSearch },
  renameSavedSearch: { method: 'patch', path: '/api/saved-searches/:id', response: SavedSearch },
  deleteSavedSearch: { method: 'delete', path: '/api/saved-searches/:id', response: z.null() },
  recordSavedSearchRun: {
    method: 'post',
    path: '/api/saved-searches/:id/runs',
    response: SavedSearch,
  },
} as const satisfies { [K in keyof Api]?: ClientRoute };
