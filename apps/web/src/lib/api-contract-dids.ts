/**
 * Twins of the browsing and DID-page routes (see api-contract.ts for why twins). A module of
 * their own, so that pages which never show a DID (and the first load of every page) do not
 * carry these schemas: only the scope and DID pages import it, lazily.
 */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';
import { ruleFields } from './api-contract-rules.ts';

export const DidType = z.enum(['FILE', 'DATASET', 'CONTAINER']);

export const DidSummary = z.object({
  scope: z.string(),
  name: z.string(),
  type: DidType,
  bytes: z.nullable(z.number()),
});

/** Spelled out, not z.extend (see api-contract.ts): DidSummary plus the file count. */
export const DidListingRow = z.object({
  scope: z.string(),
  name: z.string(),
  type: DidType,
  bytes: z.nullable(z.number()),
  length: z.nullable(z.int()),
});

const Instant = z.nullable(z.string());
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const MetadataEntry = z.object({
  key: z.string(),
  plugin: z.enum(['JSON', 'DID_COLUMN']),
  kind: z.enum(['string', 'number', 'boolean', 'datetime', 'date', 'list', 'json', 'null']),
  value: z.union([Scalar, z.array(Scalar)]),
  unit: z.optional(z.string()),
  description: z.optional(z.string()),
});

export const DidDetails = z.object({
  scope: z.string(),
  name: z.string(),
  type: DidType,
  account: z.string(),
  bytes: z.nullable(z.number()),
  length: z.nullable(z.number()),
  adler32: z.nullable(z.string()),
  md5: z.nullable(z.string()),
  createdAt: Instant,
  updatedAt: Instant,
  expiresAt: Instant,
  status: z.object({
    open: z.nullable(z.boolean()),
    monotonic: z.nullable(z.boolean()),
    availability: z.nullable(z.string()),
    suppressed: z.nullable(z.boolean()),
    obsolete: z.nullable(z.boolean()),
    hidden: z.nullable(z.boolean()),
  }),
  metadata: z.array(MetadataEntry),
});

const Int = z.int();

/** A rule's fields, `direct` third as in the contract (the order of `required` is compared). */
const { id, on, ...ruleRest } = ruleFields;
export const DidRule = z.object({ id, on, direct: z.boolean(), ...ruleRest });

export const DidRuleList = z.object({ rules: z.array(DidRule) });

export const ReplicaSource = z.enum([
  'dataset_replicas',
  'file_replicas',
  'container_deep',
  'container_table',
  'selection',
]);

export const RseReplicaRow = z.object({
  rse: z.string(),
  state: z.string(),
  availableFiles: Int,
  totalFiles: Int,
  availableBytes: z.nullable(z.number()),
  totalBytes: z.nullable(z.number()),
  datasets: z.optional(z.object({ complete: Int, total: Int })),
  rank: z.optional(Int),
});

export const ReplicaSummary = z.object({
  source: ReplicaSource,
  rses: z.array(RseReplicaRow),
  container: z.optional(z.object({ datasets: Int, partial: z.boolean() })),
});

export const ReplicaStates = z.object({
  files: Int,
  complete: z.boolean(),
  rses: z.array(z.object({ rse: z.string(), states: z.record(z.string(), Int) })),
  fetchedAt: z.string(),
});

export const ScopeRoots = z.object({ scope: z.string(), roots: z.array(DidSummary) });

/** Keyed like the contract's `api`. */
export const didApi = {
  scopeRoots: { method: 'get', path: '/api/scopes/:scope/roots', response: ScopeRoots },
  didInfo: { method: 'get', path: '/api/dids/:scope/:name', response: DidDetails },
  didContents: { method: 'get', path: '/api/dids/:scope/:name/contents', response: DidListingRow },
  didParents: { method: 'get', path: '/api/dids/:scope/:name/parents', response: DidSummary },
  didRules: { method: 'get', path: '/api/dids/:scope/:name/rules', response: DidRuleList },
  didReplicaSummary: {
    method: 'get',
    path: '/api/dids/:scope/:name/replicas/summary',
    response: ReplicaSummary,
  },
  didReplicaStates: {
    method: 'get',
    path: '/api/dids/:scope/:name/replicas/states',
    response: ReplicaStates,
  },
} as const satisfies { [K in keyof Api]?: ClientRoute };
