import { z } from 'zod';

/*
 * The shape of a search query as it arrives (HTTP body, saved search, URL state). Only the shape
 * and sizes are checked here; `validateQuery` (validate.ts) then names each field and problem —
 * an unknown operator or DID type included, so `op` and `didType` are plain strings here.
 * The bounds keep the Python literal inside a URL Rucio's web server accepts.
 */

export const SearchConditionInput = z
  .object({
    key: z.string().max(100),
    op: z.string().max(4),
    value: z.string().max(500),
  })
  .meta({
    id: 'SearchCondition',
    description: 'One `key op value` term, e.g. obs_id >= 2000000001',
  });

export const SearchConeInput = z
  .object({
    ra: z.number().describe('Right ascension of the centre, ICRS degrees'),
    dec: z.number().describe('Declination of the centre, ICRS degrees'),
    radius: z.number().describe('Radius in degrees'),
  })
  .meta({ id: 'SearchCone' });

export const SearchQueryInput = z
  .object({
    scopes: z.array(z.string().max(25)).max(50).describe('Scopes searched, one Rucio call each'),
    didType: z.string().max(20).optional().describe('all, collection, container, dataset, file'),
    name: z.string().max(500).optional().describe('DID name pattern, `*` as wildcard'),
    cone: SearchConeInput.optional(),
    groups: z
      .array(z.array(SearchConditionInput).max(30))
      .max(20)
      .describe('OR of groups; the conditions inside a group are AND-ed'),
  })
  .meta({ id: 'SearchQuery' });
export type SearchQueryInput = z.infer<typeof SearchQueryInput>;
