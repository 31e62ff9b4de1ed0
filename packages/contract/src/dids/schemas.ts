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

/** A replication rule placed on the DID itself. */
export const DidRule = z
  .object({
    id: z.string(),
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

export const DidRuleList = z.object({ rules: z.array(DidRule) }).meta({ id: 'DidRuleList' });
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
  })
  .meta({ id: 'RseReplicaSummary' });

export const ReplicaSummary = z
  .object({
    source: z
      .enum(['dataset_replicas', 'file_replicas', 'none'])
      .describe(
        "dataset_replicas: Rucio's per-RSE dataset summary (files counted now, and RSEs a rule is still filling); file_replicas: the file's own replicas; none: containers (Rucio summarises per dataset)",
      ),
    rses: z.array(RseReplicaSummary).describe('Sorted by RSE name'),
  })
  .meta({ id: 'ReplicaSummary' });
export type ReplicaSummary = z.infer<typeof ReplicaSummary>;

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
