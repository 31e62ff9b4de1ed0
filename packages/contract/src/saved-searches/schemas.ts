import { z } from 'zod';
import { SearchQueryInput } from '../search/query-schema.ts';

/** How many saved searches one user may keep; beyond it a save answers 409. */
export const MAX_SAVED_SEARCHES = 500;

/**
 * 1…120 characters once trimmed, no control characters; unique per user ignoring case. A
 * pattern rather than a refinement, so the OpenAPI document says what is refused.
 */
export const SavedSearchName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters')
  .meta({
    id: 'SavedSearchName',
    description: 'Unique per user (ignoring case), 1…120 characters',
  });

export const SavedSearchParams = z.object({ id: z.uuid().describe('The saved search’s id') });

export const NewSavedSearch = z
  .object({
    name: SavedSearchName,
    query: SearchQueryInput.describe('Must validate today (400 naming the field otherwise)'),
  })
  .meta({ id: 'NewSavedSearch' });
export type NewSavedSearch = z.infer<typeof NewSavedSearch>;

export const SavedSearchChanges = z
  .object({ name: SavedSearchName.optional() })
  .meta({ id: 'SavedSearchChanges', description: 'Rename; an absent name changes nothing' });
export type SavedSearchChanges = z.infer<typeof SavedSearchChanges>;

export const SavedSearchRunReport = z
  .object({
    count: z.int().min(0).describe('Rows the re-run returned'),
    complete: z.boolean().describe('false when the result was capped, cancelled or broken off'),
  })
  .meta({ id: 'SavedSearchRunReport' });
export type SavedSearchRunReport = z.infer<typeof SavedSearchRunReport>;

/** What is wrong with a saved query today, as validateQuery names it (path relative to the query). */
export const SavedQueryProblem = z
  .object({
    path: z.array(z.union([z.string(), z.int()])),
    field: z.string().describe('`path` joined with dots, e.g. groups.0.1.value'),
    problem: z.string().describe('validateQuery’s problem, or `bad_shape` for a stored shape'),
    message: z.string(),
  })
  .meta({ id: 'SavedQueryProblem' });
export type SavedQueryProblem = z.infer<typeof SavedQueryProblem>;

export const SavedSearch = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: SearchQueryInput.optional().describe(
      'The query as saved; absent only when it no longer has the shape of a query',
    ),
    filter: z.string().describe('The query in `rucio did list --filter` syntax, as saved'),
    problems: z
      .array(SavedQueryProblem)
      .describe('Why the query would be refused today (empty when it runs): open it in text mode'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    lastRun: z
      .object({ at: z.iso.datetime(), count: z.int().min(0), complete: z.boolean() })
      .nullable()
      .describe('The last re-run the SPA reported; null before the first'),
  })
  .meta({ id: 'SavedSearch' });
export type SavedSearch = z.infer<typeof SavedSearch>;

export const SavedSearchList = z
  .object({
    savedSearches: z.array(SavedSearch).describe('The user’s own, newest first'),
    max: z.int().describe('How many one user may keep'),
  })
  .meta({ id: 'SavedSearchList' });
export type SavedSearchList = z.infer<typeof SavedSearchList>;

/** 204: no body at all (the SPA's client reads it as null). */
export const NoContent = z.null().describe('No body (204)');
