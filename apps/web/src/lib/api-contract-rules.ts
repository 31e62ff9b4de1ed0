/**
 * Twins of the rules routes (see api-contract.ts for why twins): an account's rules and one
 * rule's locks per RSE and its transfers. Imported lazily by the rules pages.
 */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';

const Int = z.int();
const Instant = z.nullable(z.string());
const LockCounts = { ok: Int, replicating: Int, stuck: Int };

export const RuleStateFilter = z.enum([
  'OK',
  'REPLICATING',
  'STUCK',
  'SUSPENDED',
  'WAITING_APPROVAL',
]);

/** Spelled out (see api-contract.ts); the DID page's rule is these plus `direct`. */
export const ruleFields = {
  id: z.string(),
  on: z.object({
    scope: z.string(),
    name: z.string(),
    type: z.nullable(z.enum(['FILE', 'DATASET', 'CONTAINER'])),
  }),
  account: z.string(),
  state: z.enum(['OK', 'REPLICATING', 'STUCK', 'SUSPENDED', 'WAITING_APPROVAL', 'INJECT']),
  rseExpression: z.string(),
  copies: Int,
  locks: z.object(LockCounts),
  grouping: z.nullable(z.string()),
  activity: z.nullable(z.string()),
  locked: z.boolean(),
  createdAt: Instant,
  expiresAt: Instant,
  error: z.nullable(z.string()),
  comment: z.nullable(z.string()),
};

export const Rule = z.object(ruleFields);

export const RuleList = z.object({
  account: z.string(),
  state: z.nullable(RuleStateFilter),
  rules: z.array(Rule),
  truncated: z.boolean(),
});

export const RuleDetails = z.object({
  rule: Rule,
  locks: z.array(z.object({ ...LockCounts, rse: z.string() })),
  files: Int,
});

const Nullable = z.nullable(z.string());

export const RuleTransfers = z.object({
  ruleId: z.string(),
  transfers: z.array(
    z.object({
      scope: z.string(),
      name: z.string(),
      rse: z.string(),
      lockState: z.enum(['REPLICATING', 'STUCK']),
      request: z.nullable(
        z.object({
          id: z.string(),
          state: z.string(),
          source: Nullable,
          destination: z.string(),
          bytes: z.nullable(z.number()),
          retries: Int,
          activity: Nullable,
          createdAt: Instant,
          updatedAt: Instant,
          error: Nullable,
          externalId: Nullable,
        }),
      ),
    }),
  ),
  total: Int,
  shown: Int,
  fetchedAt: z.string(),
});

/** Keyed like the contract's `api`. */
export const ruleApi = {
  rules: { method: 'get', path: '/api/rules', response: RuleList },
  rule: { method: 'get', path: '/api/rules/:id', response: RuleDetails },
  ruleTransfers: { method: 'get', path: '/api/rules/:id/transfers', response: RuleTransfers },
} as const satisfies { [K in keyof Api]?: ClientRoute };
