import { z } from 'zod';
import { DidRule } from '../dids/schemas.ts';
import { LockCounts } from '../rses/schemas.ts';

/*
 * Query parameters are written without a schema id: the OpenAPI document inlines parameters,
 * and a `$ref` there is one Schemathesis cannot resolve.
 */

/** A Rucio account name, as Rucio's schema allows it. */
const AccountName = z
  .string()
  .regex(/^[a-z0-9_-]{1,25}$/, { message: 'is not a Rucio account name' });

const RULE_STATE_FILTERS = ['OK', 'REPLICATING', 'STUCK', 'SUSPENDED', 'WAITING_APPROVAL'] as const;

/** The states a rule list can be filtered by (Rucio's INJECT is transient and not offered). */
export const RuleStateFilter = z.enum(RULE_STATE_FILTERS).meta({ id: 'RuleStateFilter' });
export type RuleStateFilter = z.infer<typeof RuleStateFilter>;

export const RULE_LIST_LIMIT = 1000;

export const RulesQuery = z.object({
  account: AccountName.optional().describe(
    "Whose rules: the signed-in account when absent; another account's only for portal admins (403 otherwise)",
  ),
  state: z.enum(RULE_STATE_FILTERS).optional().describe('Only rules in this state'),
  limit: z
    .string()
    .regex(/^(?:[1-9][0-9]{0,2}|1000)$/, { message: 'is not a number from 1 to 1000' })
    .transform(Number)
    .optional()
    .describe(`At most this many rules (1 to ${RULE_LIST_LIMIT}, default ${RULE_LIST_LIMIT})`),
});

/** A replication rule, as the rules pages show it (the DID page's rule without `direct`). */
export const Rule = DidRule.omit({ direct: true }).meta({ id: 'Rule' });
export type Rule = z.infer<typeof Rule>;

export const RuleList = z
  .object({
    account: z.string().describe('Whose rules these are'),
    state: RuleStateFilter.nullable().describe('The state filter applied; null for every state'),
    rules: z.array(Rule).describe("In Rucio's order"),
    truncated: z.boolean().describe('true when the account has more rules than `limit`'),
  })
  .meta({ id: 'RuleList' });
export type RuleList = z.infer<typeof RuleList>;

export const RuleId = z
  .string()
  .regex(/^[0-9a-fA-F]{32}$/, { message: 'is not a rule id (32 hexadecimal characters)' })
  .meta({ id: 'RuleId', description: 'A Rucio rule id, e.g. 76aff86194664f7297c16421ed3d3490' });

export const RuleParams = z.object({ id: RuleId });

export const RuleDetails = z
  .object({
    rule: Rule,
    locks: z
      .array(LockCounts.extend({ rse: z.string() }))
      .describe(
        "Per RSE, the rule's file locks by state, sorted by RSE name (Rucio's lock listing carries no sizes)",
      ),
    files: z.number().int().describe('How many file locks the rule has, over every RSE'),
  })
  .meta({ id: 'RuleDetails' });
export type RuleDetails = z.infer<typeof RuleDetails>;

/** The lock states a rule's transfers are read for (an OK lock has nothing left to move). */
export const PendingLockState = z.enum(['REPLICATING', 'STUCK']).meta({ id: 'PendingLockState' });

export const RuleTransferRequest = z
  .object({
    id: z.string().describe("Rucio's request id"),
    state: z
      .string()
      .describe("Rucio's request state by name: QUEUED, SUBMITTED, DONE, FAILED, WAITING…"),
    source: z.string().nullable().describe('The source RSE, once the submitter has chosen one'),
    destination: z.string(),
    bytes: z.number().nullable(),
    retries: z.number().int().describe("Rucio's retry_count: how often the transfer was retried"),
    activity: z.string().nullable(),
    createdAt: z.string().nullable().describe('ISO 8601'),
    updatedAt: z.string().nullable().describe('ISO 8601'),
    error: z.string().nullable().describe("Rucio's error message of a FAILED request"),
    externalId: z.string().nullable().describe("The transfer tool's job id"),
  })
  .meta({ id: 'RuleTransferRequest' });
export type RuleTransferRequest = z.infer<typeof RuleTransferRequest>;

export const RuleTransfer = z
  .object({
    scope: z.string(),
    name: z.string(),
    rse: z.string().describe('Where the lock wants the file: the transfer’s destination'),
    lockState: PendingLockState,
    request: RuleTransferRequest.nullable().describe(
      'null when Rucio has no request for the file there: not queued yet, or done',
    ),
  })
  .meta({ id: 'RuleTransfer' });

/** The most locks a rule's transfers are read for (one Rucio request each). */
export const RULE_TRANSFERS_LIMIT = 50;

export const RuleTransfers = z
  .object({
    ruleId: z.string(),
    transfers: z
      .array(RuleTransfer)
      .describe(
        `The rule's locks that are not OK, in Rucio's order, at most ${RULE_TRANSFERS_LIMIT}, each with its transfer request`,
      ),
    total: z.number().int().describe('How many of the rule’s locks are not OK'),
    shown: z.number().int().describe('How many of them are listed (total − shown were left out)'),
    fetchedAt: z.string().describe('ISO 8601: when Rucio was asked'),
  })
  .meta({ id: 'RuleTransfers' });
export type RuleTransfers = z.infer<typeof RuleTransfers>;
