import { z } from 'zod';
import { LISTED_VALUE_KEY_PATTERN, unlistedValuesReason } from './value-keys.ts';

/*
 * GET /api/search/values: the distinct values one metadata key has in one scope, as the archive
 * holds them, for the query builder's suggestions (issue 6, item 3).
 */

/**
 * ScopeName's rule (names.ts), as a schema of its own: a query parameter is written inline in the
 * OpenAPI document, where a reference to the registered ScopeName would not resolve.
 */
export const ValuesScope = z
  .string()
  .regex(/^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,25}$/, {
    message: 'is not a Rucio scope name (letters, digits, _ . -, at most 25, not . or ..)',
  })
  .describe('A Rucio scope, e.g. acada');

export const ArchiveValuesQuery = z.object({
  scope: ValuesScope,
  key: z
    .string()
    .regex(new RegExp(LISTED_VALUE_KEY_PATTERN), {
      error: (issue) =>
        typeof issue.input === 'string'
          ? unlistedValuesReason(issue.input)
          : 'a metadata key is needed',
    })
    .describe(
      "A metadata key whose values are text: the catalogue's string and enumerated keys (site, data_level, data_type, target_name, observatory, array_element, particle) or a key outside the catalogue. Numeric, time, date, boolean and list keys, DID columns and Rucio's own fields are refused with 400.",
    ),
});
export type ArchiveValuesQuery = z.infer<typeof ArchiveValuesQuery>;

/** Values longer than this are left out: they could not be used in a filter anyway. */
export const ARCHIVE_VALUE_MAX_LENGTH = 500;

export const ArchiveValues = z
  .object({
    scope: z.string(),
    key: z.string(),
    values: z
      .array(z.string().max(ARCHIVE_VALUE_MAX_LENGTH))
      .describe(
        'The distinct values of the key among the scope’s DIDs, as text (a number or boolean as JSON writes it), sorted',
      ),
    complete: z
      .boolean()
      .describe(
        'false: the listing stopped at its cap of values or time, or met values it cannot tell apart exactly (Rucio re-types them); the values given are still real',
      ),
    computedAt: z.iso
      .datetime()
      .describe('When the BFF asked Rucio; answers are shared by every user for a few minutes'),
  })
  .meta({ id: 'ArchiveValues' });
export type ArchiveValues = z.infer<typeof ArchiveValues>;
