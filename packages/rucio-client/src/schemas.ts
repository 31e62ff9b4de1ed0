import { z } from 'zod';

/** Rucio DTOs: the wire shapes, validated at the boundary. `.loose()` keeps unknown fields harmless. */
export const PingDto = z.object({ version: z.string() }).loose();
export type PingDto = z.infer<typeof PingDto>;

export const ScopeNamesDto = z.array(z.string());

export const AccountDto = z
  .object({
    account: z.string(),
    account_type: z.string().optional(),
    status: z.string().optional(),
    email: z.string().nullable().optional(),
  })
  .loose();
export type AccountDto = z.infer<typeof AccountDto>;

export const DidTypeDto = z.enum([
  'FILE',
  'DATASET',
  'CONTAINER',
  'ARCHIVE',
  'DELETED_FILE',
  'DELETED_DATASET',
  'DELETED_CONTAINER',
]);

/** One line of GET /dids/<scope>/<name>/dids (the content of a collection). */
export const DidContentDto = z
  .object({
    scope: z.string(),
    name: z.string(),
    type: DidTypeDto,
    bytes: z.number().nullable().optional(),
    adler32: z.string().nullable().optional(),
    md5: z.string().nullable().optional(),
  })
  .loose();
export type DidContentDto = z.infer<typeof DidContentDto>;

/**
 * A byte limit: Rucio sends unlimited as the bare literal `Infinity` (parseRucioJson turns it
 * into the number), which zod's z.number() refuses on its own.
 */
export const RucioLimitBytes = z.union([z.number(), z.literal(Number.POSITIVE_INFINITY)]);
