import { z } from 'zod';

/** An RSE name as Rucio's schema allows it: upper-case letters and digits, joined by `_` or `-`. */
export const RseName = z
  .string()
  .max(255)
  .regex(/^[A-Z0-9]+([_-][A-Z0-9]+)*$/, {
    message: 'is not an RSE name (upper-case letters and digits joined by _ or -)',
  })
  .meta({ id: 'RseName', description: 'A Rucio RSE, e.g. DESY-ZN-DISK' });

export const RseParams = z.object({ rse: RseName });

/** Where an RSE is and what it is, from Rucio's RSE records (GET /rses/). */
export const RseSite = z
  .object({
    rse: z.string(),
    type: z.enum(['DISK', 'TAPE']),
    latitude: z
      .number()
      .min(-90)
      .max(90)
      .nullable()
      .describe('Degrees north (WGS 84); null when Rucio has none: never drawn at 0'),
    longitude: z.number().min(-180).max(180).nullable().describe('Degrees east; null when unset'),
    coordinatesProblem: z
      .string()
      .nullable()
      .describe(
        'Why coordinates Rucio holds are not used (out of range, not a number, only one of the two); null when they are used or Rucio has none',
      ),
    city: z.string().nullable(),
    country: z.string().nullable().describe("Rucio's country_name"),
    continent: z.string().nullable(),
    volatile: z.boolean(),
    staging: z.boolean().describe("Rucio's staging_area"),
    availability: z
      .object({ read: z.boolean(), write: z.boolean(), delete: z.boolean() })
      .describe('What the RSE accepts now'),
  })
  .meta({ id: 'RseSite' });
export type RseSite = z.infer<typeof RseSite>;

export const RseSiteList = z
  .object({ rses: z.array(RseSite).describe('Sorted by RSE name') })
  .meta({ id: 'RseSiteList' });
export type RseSiteList = z.infer<typeof RseSiteList>;

const bytes = z.number().nullable();

export const RseProtocol = z
  .object({
    scheme: z.string(),
    hostname: z.string(),
    port: z.number().int(),
    prefix: z.string().nullable(),
    impl: z.string().nullable(),
    domains: z
      .record(z.string(), z.array(z.string()))
      .describe(
        'Per domain (lan, wan), the operations allowed (read, write, delete, third_party_copy_read…)',
      ),
  })
  .meta({ id: 'RseProtocol' });

export const RseUsage = z
  .object({
    source: z
      .string()
      .describe('rucio (what Rucio accounts), storage (what the storage reports), expired…'),
    used: bytes,
    free: bytes,
    total: bytes,
    files: z.number().int().nullable(),
    updatedAt: z.string().nullable().describe('ISO 8601, when Rucio last computed it'),
  })
  .meta({ id: 'RseUsage' });

export const RseAccountLimit = z
  .object({
    account: z.string(),
    usedBytes: z.number(),
    usedFiles: z.number().int(),
    limitBytes: z
      .number()
      .nullable()
      .describe('The local limit in bytes; null when none is set or when it is unlimited'),
    unlimited: z.boolean().describe('Rucio says Infinity: no cap'),
  })
  .meta({ id: 'RseAccountLimit' });

export const RseTopDataset = z
  .object({
    scope: z.string(),
    name: z.string(),
    state: z.string().describe('AVAILABLE when every file is there, else UNAVAILABLE'),
    bytes: bytes.describe("The dataset's bytes"),
    files: z.number().int().nullable(),
    availableBytes: bytes.describe('Of them, available on this RSE'),
    availableFiles: z.number().int().nullable(),
  })
  .meta({ id: 'RseTopDataset' });

export const RseDetails = RseSite.extend({
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  protocols: z.array(RseProtocol),
  usage: z.array(RseUsage),
  accountLimits: z
    .array(RseAccountLimit)
    .nullable()
    .describe(
      "Every account's usage and local limit here; null when Rucio refuses it to this account",
    ),
  topDatasets: z
    .array(RseTopDataset)
    .describe(
      "The datasets with the most bytes here, from Rucio's dataset-replica table (as its daemon last computed it)",
    ),
  datasets: z.number().int().describe('How many datasets that table has on this RSE'),
}).meta({ id: 'RseDetails' });
export type RseDetails = z.infer<typeof RseDetails>;

export const LockCounts = z.object({
  ok: z.number().int(),
  replicating: z.number().int(),
  stuck: z.number().int(),
});

export const ReplicaLocks = z
  .object({
    source: z
      .enum(['dataset', 'container', 'file_parents'])
      .describe(
        "dataset: the dataset's own locks; container: its datasets' locks (Rucio expands it); file_parents: the locks of the datasets holding the file (Rucio keeps a file's own locks per rule only)",
      ),
    rses: z
      .array(LockCounts.extend({ rse: z.string() }))
      .describe('Per RSE, dataset locks by state (one per rule and dataset), sorted by RSE name'),
  })
  .meta({ id: 'ReplicaLocks' });
export type ReplicaLocks = z.infer<typeof ReplicaLocks>;
