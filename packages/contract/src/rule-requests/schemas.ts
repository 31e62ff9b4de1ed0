import { z } from 'zod';
import { DidName, ScopeName } from '../names.ts';

/** How many DIDs one request may name (each becomes a rule; Rucio takes them in one call). */
export const RULE_REQUEST_MAX_DIDS = 100;

export const RseExpression = z
  .string()
  .trim()
  .min(1, { message: 'is empty: name an RSE or an expression (e.g. OFFSITE&country=DE)' })
  .max(500)
  .regex(/^[\x20-\x7e]+$/, { message: 'may only hold printable ASCII' })
  // No schema id: a query parameter's $ref is one Schemathesis cannot resolve.
  .describe('A Rucio RSE expression, e.g. OFFSITE\\PIC-TAPE');

export const RseExpressionQuery = z.object({ expression: RseExpression });

export const RseExpressionPreview = z
  .object({
    expression: z.string(),
    rses: z
      .array(
        z.object({
          rse: z.string(),
          type: z.enum(['DISK', 'TAPE']),
          city: z.string().nullable(),
          country: z.string().nullable(),
        }),
      )
      .describe('The RSEs Rucio resolves the expression to, by name'),
    problem: z
      .string()
      .nullable()
      .describe(
        "Rucio's reason when it cannot resolve the expression (bad syntax, an empty set); rses is then empty",
      ),
  })
  .meta({ id: 'RseExpressionPreview' });
export type RseExpressionPreview = z.infer<typeof RseExpressionPreview>;

const RuleDids = z
  .array(z.object({ scope: ScopeName, name: DidName }))
  .min(1, { message: 'is empty: name at least one DID' })
  .max(RULE_REQUEST_MAX_DIDS, { message: `holds more than ${RULE_REQUEST_MAX_DIDS} DIDs` });

export const RuleQuoteInput = z
  .object({
    dids: RuleDids,
    rseExpression: RseExpression,
    copies: z.number().int().min(1).max(10),
  })
  .meta({ id: 'RuleQuoteInput' });

export const RuleRequestInput = RuleQuoteInput.extend({
  lifetimeSeconds: z
    .number()
    .int()
    .min(60)
    .max(100 * 365 * 86_400)
    .nullable()
    .describe('null: the rule never expires'),
  comment: z.string().max(1000).nullable(),
  askApproval: z
    .boolean()
    .describe(
      'Over quota: create the rule WAITING_APPROVAL for an admin to approve (needs a comment)',
    ),
})
  .refine((r) => !r.askApproval || (r.comment ?? '').trim().length > 0, {
    path: ['comment'],
    message: 'is required when asking for approval: say why the data is needed',
  })
  .meta({ id: 'RuleRequestInput' });
export type RuleRequestInput = z.infer<typeof RuleRequestInput>;

export const RuleQuote = z
  .object({
    account: z.string().describe('The Rucio account the rule would be charged to'),
    files: z.number().int(),
    bytes: z.number().describe('Of all the DIDs, counted once'),
    dids: z.array(
      z.object({
        scope: z.string(),
        name: z.string(),
        type: z.enum(['FILE', 'DATASET', 'CONTAINER']),
        bytes: z.number().nullable(),
        files: z.number().int().nullable(),
      }),
    ),
    rses: z
      .array(
        z.object({
          rse: z.string(),
          usedBytes: z.number(),
          limitBytes: z
            .number()
            .nullable()
            .describe(
              'The local limit; null: none set (Rucio then allows nothing there) or unlimited',
            ),
          unlimited: z.boolean(),
          afterBytes: z.number().describe('Usage if a copy of everything lands here'),
          fits: z
            .boolean()
            .describe(
              "Rucio's own test: some local quota left here and some left in every global limit whose expression covers this RSE",
            ),
          exceeds: z.boolean().describe('A copy here would take usage over the local limit'),
          fullGlobalLimits: z
            .array(z.string())
            .describe('Global limits (RSE expressions) covering this RSE that have nothing left'),
        }),
      )
      .describe('Per resolved RSE: the account’s limits and usage, before and after a copy'),
    quotaChecked: z
      .boolean()
      .describe('false for accounts with the admin attribute: Rucio checks no quota for them'),
    fitting: z.number().int().describe('How many resolved RSEs pass Rucio’s quota test'),
    overQuota: z
      .boolean()
      .describe('Fewer RSEs pass than copies asked: Rucio would refuse the rule'),
  })
  .meta({ id: 'RuleQuote' });
export type RuleQuote = z.infer<typeof RuleQuote>;

export const RuleRequestResult = z
  .object({
    ruleIds: z.array(z.string()),
    state: z.enum(['created', 'waiting_approval']),
  })
  .meta({ id: 'RuleRequestResult' });
export type RuleRequestResult = z.infer<typeof RuleRequestResult>;
