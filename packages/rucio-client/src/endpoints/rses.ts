import { z } from 'zod';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

const rsePath = (rse: string): string => `/rses/${encodeURIComponent(rse)}`;

/**
 * One line of GET /rses/: an RSE with where it is. Rucio 41 keeps `latitude`, `longitude`,
 * `city`, `country_name` and `continent` on the RSE record; only this listing returns them
 * (GET /rses/<rse> does not). Coordinates are null when nobody set them; they are taken as
 * they come (a malformed one is the caller's to report, not a reason to refuse the listing).
 */
export const RseRecordDto = z
  .object({
    rse: z.string(),
    rse_type: z.enum(['DISK', 'TAPE']),
    deterministic: z.boolean().optional(),
    volatile: z.boolean().optional(),
    staging_area: z.boolean().optional(),
    latitude: z.unknown().optional(),
    longitude: z.unknown().optional(),
    city: z.string().nullable().optional(),
    country_name: z.string().nullable().optional(),
    continent: z.string().nullable().optional(),
    availability_read: z.boolean().nullable().optional(),
    availability_write: z.boolean().nullable().optional(),
    availability_delete: z.boolean().nullable().optional(),
  })
  .loose();
export type RseRecordDto = z.infer<typeof RseRecordDto>;

/** A protocol of GET /rses/<rse>: how the storage is reached, per domain and operation. */
export const RseProtocolDto = z
  .object({
    scheme: z.string(),
    hostname: z.string(),
    port: z.number(),
    prefix: z.string().nullable().optional(),
    impl: z.string().optional(),
    domains: z.record(z.string(), z.record(z.string(), z.number().nullable())).optional(),
  })
  .loose();
export type RseProtocolDto = z.infer<typeof RseProtocolDto>;

/** GET /rses/<rse>: settings and protocols (no coordinates: see RseRecordDto). */
export const RseInfoDto = z
  .object({
    rse: z.string(),
    rse_type: z.enum(['DISK', 'TAPE']),
    protocols: z.array(RseProtocolDto).default([]),
    lfn2pfn_algorithm: z.string().nullable().optional(),
    verify_checksum: z.boolean().nullable().optional(),
  })
  .loose();
export type RseInfoDto = z.infer<typeof RseInfoDto>;

/** GET /rses/<rse>/attr/: the RSE's attributes (strings, numbers, booleans). */
export const RseAttributesDto = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()]),
);

/** One line of GET /rses/<rse>/usage: used / free / total by source (rucio, storage, expired…). */
export const RseUsageDto = z
  .object({
    source: z.string(),
    used: z.number().nullable().optional(),
    free: z.number().nullable().optional(),
    total: z.number().nullable().optional(),
    files: z.number().nullable().optional(),
    updated_at: z.string().nullable().optional(),
  })
  .loose();
export type RseUsageDto = z.infer<typeof RseUsageDto>;

/**
 * One line of GET /rses/<rse>/accounts/usage: an account's usage and local limit on the RSE, as
 * Rucio's abacus last computed it. `quota_bytes` is null without a limit and -1 for an unlimited
 * one, as stored (unlike /accounts/<acc>/limits, which writes a bare `Infinity`). Deleted
 * accounts are listed too.
 */
export const RseAccountUsageDto = z
  .object({
    account: z.string(),
    used_files: z.number().nullable().optional(),
    used_bytes: z.number().nullable().optional(),
    quota_bytes: z.number().nullable().optional(),
  })
  .loose();
export type RseAccountUsageDto = z.infer<typeof RseAccountUsageDto>;

/** GET /rses/, streamed: every RSE the account may see, with coordinates. */
export const listRses =
  (t: Transport) =>
  (auth: AuthOptions): AsyncIterable<RseRecordDto> =>
    streamed(t, '/rses/', RseRecordDto, auth);

/** GET /rses/<rse>. 404 (RSENotFound) for an unknown RSE. */
export const getRse =
  (t: Transport) =>
  ({ rse, ...auth }: AuthOptions & { rse: string }): Promise<RseInfoDto> =>
    t.json(rsePath(rse), RseInfoDto, auth);

/** GET /rses/<rse>/attr/. */
export const getRseAttributes =
  (t: Transport) =>
  ({ rse, ...auth }: AuthOptions & { rse: string }): Promise<z.infer<typeof RseAttributesDto>> =>
    t.json(`${rsePath(rse)}/attr/`, RseAttributesDto, auth);

/** GET /rses/<rse>/usage, streamed (one line per source). */
export const listRseUsage =
  (t: Transport) =>
  ({ rse, ...auth }: AuthOptions & { rse: string }): AsyncIterable<RseUsageDto> =>
    streamed(t, `${rsePath(rse)}/usage`, RseUsageDto, auth);

/**
 * GET /rses/<rse>/accounts/usage: every account's usage and limit there, in one call. One JSON
 * object per line, as a stream, but Rucio 41 serves it only as `application/json` (406 otherwise).
 */
export const listRseAccountUsage =
  (t: Transport) =>
  ({ rse, ...auth }: AuthOptions & { rse: string }): AsyncIterable<RseAccountUsageDto> =>
    streamed(t, `${rsePath(rse)}/accounts/usage`, RseAccountUsageDto, auth, 'application/json');
