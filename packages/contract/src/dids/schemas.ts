import { z } from 'zod';
import { DidSummary } from '../schemas.ts';

/** The live DID types (Rucio's archive and deleted types never reach the portal's pages). */
export const DidType = z.enum(['FILE', 'DATASET', 'CONTAINER']).meta({ id: 'DidType' });
export type DidType = z.infer<typeof DidType>;

const Instant = z
  .string()
  .nullable()
  .describe('ISO 8601 in UTC (Rucio sends RFC 1123); null when Rucio has none');

/** Scalars a metadata value can hold; lists hold scalars (e.g. tel_ids). */
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One metadata key of a DID, typed for display: the SPA formats by `kind` and shows `unit`. */
export const MetadataEntry = z
  .object({
    key: z.string(),
    plugin: z
      .enum(['JSON', 'DID_COLUMN'])
      .describe('Where Rucio keeps it: the JSON plugin (custom keys) or a DID column'),
    kind: z
      .enum(['string', 'number', 'boolean', 'datetime', 'date', 'list', 'json', 'null'])
      .describe('datetime/date: ISO strings; json: a nested value, sent as JSON text'),
    value: z.union([Scalar, z.array(Scalar)]),
    unit: z.string().optional().describe('Unit of the value, e.g. deg, s'),
    description: z.string().optional(),
  })
  .meta({ id: 'MetadataEntry' });
export type MetadataEntry = z.infer<typeof MetadataEntry>;

/** GET /api/dids/:scope/:name — what the DID page shows at the top, and every metadata key. */
export const DidDetails = z
  .object({
    scope: z.string(),
    name: z.string(),
    type: DidType,
    account: z.string().describe('The Rucio account that owns the DID'),
    bytes: z.number().nullable().describe('Size; for collections summed over all their files'),
    length: z.number().nullable().describe('Number of files (1 for a file)'),
    adler32: z.string().nullable(),
    md5: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
    expiresAt: Instant.describe('End of the lifetime; null = kept until deleted'),
    status: z.object({
      open: z.boolean().nullable().describe('Collections: files can still be attached'),
      monotonic: z.boolean().nullable(),
      availability: z.string().nullable().describe('AVAILABLE, LOST or DELETED'),
      suppressed: z.boolean().nullable(),
      obsolete: z.boolean().nullable(),
      hidden: z.boolean().nullable(),
    }),
    metadata: z.array(MetadataEntry).describe('JSON-plugin keys, then set DID columns, by key'),
  })
  .meta({ id: 'DidDetails' });
export type DidDetails = z.infer<typeof DidDetails>;

export const RuleState = z
  .enum(['OK', 'REPLICATING', 'STUCK', 'SUSPENDED', 'WAITING_APPROVAL', 'INJECT'])
  .meta({ id: 'RuleState' });

/** The DID a rule is placed on (the DID itself, or a dataset or container above a file). */
export const RuleTarget = z
  .object({
    scope: z.string(),
    name: z.string(),
    type: DidType.nullable().describe('null when Rucio does not say'),
  })
  .meta({ id: 'RuleTarget' });

/** A replication rule that keeps the DID's replicas: placed on it, or (files) on a parent. */
export const DidRule = z
  .object({
    id: z.string(),
    on: RuleTarget.describe('The DID the rule names'),
    direct: z
      .boolean()
      .describe('true: the rule names this DID; false: it holds the file through `on`, a parent'),
    account: z.string(),
    state: RuleState,
    rseExpression: z.string(),
    copies: z.number().int(),
    locks: z.object({
      ok: z.number().int(),
      replicating: z.number().int(),
      stuck: z.number().int(),
    }),
    grouping: z.string().nullable(),
    activity: z.string().nullable(),
    locked: z.boolean(),
    createdAt: Instant,
    expiresAt: Instant,
    error: z.string().nullable().describe('Why a rule is stuck, as Rucio says it'),
    comment: z.string().nullable(),
  })
  .meta({ id: 'DidRule' });
export type DidRule = z.infer<typeof DidRule>;

export const DidRuleList = z
  .object({
    rules: z
      .array(DidRule)
      .describe(
        "The rules on the DID, then (files) the rules on its datasets and containers that hold a lock on it (Rucio's associated rules)",
      ),
  })
  .meta({ id: 'DidRuleList' });
export type DidRuleList = z.infer<typeof DidRuleList>;

/** Files of the DID on one RSE. */
export const RseReplicaSummary = z
  .object({
    rse: z.string(),
    state: z.string().describe('AVAILABLE when every file is there; else UNAVAILABLE, COPYING…'),
    availableFiles: z.number().int(),
    totalFiles: z.number().int(),
    availableBytes: z.number().nullable(),
    totalBytes: z.number().nullable(),
    datasets: z
      .object({ complete: z.number().int(), total: z.number().int() })
      .optional()
      .describe(
        'Containers: how many of its datasets Rucio has on this RSE, and how many complete',
      ),
    rank: z
      .number()
      .int()
      .optional()
      .describe(
        "Files: the order in which Rucio offers this RSE's copy to the signed-in user, 1 first (Rucio's GeoIP sort: the closest to the user's address first; unknown addresses keep Rucio's own order). Absent when Rucio gives no URL for it",
      ),
  })
  .meta({ id: 'RseReplicaSummary' });

export const ReplicaSummary = z
  .object({
    source: z
      .enum(['dataset_replicas', 'file_replicas', 'container_deep', 'container_table', 'selection'])
      .describe(
        "selection: a selection of DIDs, its files' own replicas and its datasets (selected or below selected containers) summed per RSE as for a container; dataset_replicas: Rucio's per-RSE dataset summary (files counted now, and RSEs a rule is still filling); file_replicas: the file's own replicas; container_deep: the container's datasets (through its sub-containers) summed per RSE, each counted now as for a dataset (small containers); container_table: the same sum from Rucio's dataset-replica table only, complete per dataset as Rucio last computed it (a daemon keeps it; it lists only RSEs where a rule placed the dataset)",
      ),
    rses: z
      .array(RseReplicaSummary)
      .describe(
        'Sorted by RSE name. Containers: files and bytes summed over the datasets Rucio has on that RSE',
      ),
    container: z
      .object({
        datasets: z.number().int().describe('Datasets found below the container'),
        partial: z
          .boolean()
          .describe('true: the container is too large, only the datasets found first are summed'),
      })
      .optional()
      .describe('Containers only'),
  })
  .meta({ id: 'ReplicaSummary' });
export type ReplicaSummary = z.infer<typeof ReplicaSummary>;

/** One line of GET /api/dids/:scope/:name/contents: a child with its file count. */
export const DidListingRow = DidSummary.extend({
  length: z
    .number()
    .int()
    .nullable()
    .describe(
      "Files: 1. Datasets and containers: their number of files, from Rucio's DID record (closed collections) or, for an open dataset, its dataset replicas as Rucio last computed them; null when Rucio has neither",
    ),
}).meta({ id: 'DidListingRow' });
export type DidListingRow = z.infer<typeof DidListingRow>;

/** GET /api/scopes/:scope/roots — where browsing a scope starts. */
export const ScopeRoots = z
  .object({
    scope: z.string(),
    roots: z
      .array(DidSummary)
      .describe(
        "The scope's collections whose name has no ancestor path among the scope's collections, by name",
      ),
  })
  .meta({ id: 'ScopeRoots' });
export type ScopeRoots = z.infer<typeof ScopeRoots>;
