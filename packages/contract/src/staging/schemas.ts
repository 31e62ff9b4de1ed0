import { z } from 'zod';
import { DidRule } from '../dids/schemas.ts';

/** The most a staging request may ask for in the contract (a deployment may allow less). */
export const STAGING_MAX_SECONDS_CEILING = 90 * 86_400;

/**
 * Where a DID's files are, for getting them: `disk` when one disk RSE holds every file
 * available; `tape-only` when only tape holds them; `partial` when some are on disk and tape
 * holds more; `none` when no RSE has any available.
 */
export const StagingWhere = z
  .enum(['disk', 'tape-only', 'partial', 'none'])
  .meta({ id: 'StagingWhere' });
export type StagingWhere = z.infer<typeof StagingWhere>;

/** How far getting it to disk is: Rucio's rule on the staging RSE, read together with the replicas. */
export const StagingProgress = z
  .enum(['on_disk', 'not_requested', 'waiting_approval', 'replicating', 'stuck', 'cannot_stage'])
  .meta({ id: 'StagingProgress' });
export type StagingProgress = z.infer<typeof StagingProgress>;

export const StagingStatus = z
  .object({
    where: StagingWhere,
    progress: StagingProgress.describe(
      'on_disk: downloadable now; not_requested: on tape and no staging rule; waiting_approval: a staging rule waits for an admin; replicating: a staging rule is copying (locks replicating, or Rucio has not yet counted the new copy); stuck: a staging rule has stuck locks (the transfer loop retries them); cannot_stage: no tape copy to stage from',
    ),
    files: z.number().int().describe('Files of the DID (0 when no RSE holds any)'),
    bytes: z.number().nullable(),
    filesOnDisk: z
      .number()
      .int()
      .describe('Files available on the disk RSE that holds the most of them'),
    tapeRses: z
      .array(z.string())
      .describe('Tape RSEs holding the files available: the staging source'),
    stagingRse: z.string().describe('The disk RSE staging requests copy to'),
    lifetime: z.object({
      defaultSeconds: z.number().int(),
      maxSeconds: z.number().int(),
    }),
    rules: z
      .array(DidRule)
      .describe(
        'Rules on the staging RSE that cover the DID (any account; for a file also those on its datasets), newest first',
      ),
    fetchedAt: z.string().describe('ISO 8601: when Rucio was asked'),
  })
  .meta({ id: 'StagingStatus' });
export type StagingStatus = z.infer<typeof StagingStatus>;

export const StagingRequestInput = z
  .object({
    lifetimeSeconds: z
      .number()
      .int()
      .min(3600)
      .max(STAGING_MAX_SECONDS_CEILING)
      .describe('How long the staged copy is kept (the deployment may cap it lower: 400)'),
    comment: z.string().max(1000).nullable(),
    askApproval: z
      .boolean()
      .describe('Over quota: create the rule WAITING_APPROVAL for an admin (needs a comment)'),
  })
  .refine((r) => !r.askApproval || (r.comment ?? '').trim().length > 0, {
    path: ['comment'],
    message: 'is required when asking for approval: say why the data is needed',
  })
  .meta({ id: 'StagingRequestInput' });
export type StagingRequestInput = z.infer<typeof StagingRequestInput>;
