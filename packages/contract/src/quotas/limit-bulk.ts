import { z } from 'zod';
import { RseName } from '../rses/schemas.ts';
import { CurrentLimit, LimitAccountName, LimitExpression, LimitValue } from './limit-schemas.ts';

/** Rows one bulk request may hold (every account × every RSE of a 200 × 12 archive fits). */
export const BULK_MAX_ROWS = 5_000;

/** One row: a local limit (rse) or a global one (expression); limit null removes it. */
export const BulkLimitRowInput = z
  .strictObject({
    account: LimitAccountName,
    rse: RseName.optional(),
    expression: LimitExpression.optional(),
    limit: LimitValue.nullable().describe('null removes the limit'),
  })
  .meta({ id: 'BulkLimitRowInput', description: 'Exactly one of rse and expression' });
export type BulkLimitRowInput = z.infer<typeof BulkLimitRowInput>;

const Accounts = z.array(LimitAccountName).min(1).max(BULK_MAX_ROWS);

/**
 * Where the rows come from: the same limit for many accounts on many RSEs (and/or expressions),
 * explicit rows, or a CSV text. CSV: one row per line, `account,rse,bytes`; a header line
 * `account,rse,bytes` or `account,expression,bytes` is optional (the latter makes every row a
 * global limit); bytes as people write them ("10 TB", "500 GB", "123", "unlimited"), empty to
 * remove the limit; `#` lines are comments.
 */
export const BulkLimitSource = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('same'),
      accounts: Accounts,
      rses: z.array(RseName).max(BULK_MAX_ROWS).optional(),
      expressions: z.array(LimitExpression).max(100).optional(),
      limit: LimitValue.nullable().describe('null removes the limits'),
    }),
    z.strictObject({
      kind: z.literal('rows'),
      rows: z.array(BulkLimitRowInput).min(1).max(BULK_MAX_ROWS),
    }),
    z.strictObject({ kind: z.literal('csv'), csv: z.string().min(1).max(200_000) }),
  ])
  .meta({ id: 'BulkLimitSource' });
export type BulkLimitSource = z.infer<typeof BulkLimitSource>;

export const BulkLimitRequest = z
  .strictObject({
    requestId: z
      .uuid()
      .describe(
        'Chosen by the client once per bulk edit and sent again on a retry: rows already at their target are left alone (audited as unchanged), so a retry never applies a row twice',
      ),
    source: BulkLimitSource,
    confirmBelowUsage: z
      .boolean()
      .optional()
      .describe('Needed (true) when a row sets a limit below what the account stores there'),
  })
  .meta({
    id: 'BulkLimitRequest',
    examples: [
      {
        requestId: '6a1c2e8e-9a54-4f3c-8d1e-0c4b7e2f9a10',
        source: {
          kind: 'csv',
          csv: 'account,rse,bytes\nalice,DESY-ZN-DISK,100000\nalice,CSCS-DISK,50000',
        },
      },
    ],
  });
export type BulkLimitRequest = z.infer<typeof BulkLimitRequest>;

export const BulkRowProblem = z.object({
  field: z.enum(['account', 'rse', 'expression', 'limit', 'row']),
  message: z.string(),
});

export const BulkRowAction = z.enum(['set', 'delete', 'unchanged', 'invalid']).meta({
  id: 'BulkRowAction',
  description:
    'set / delete: would change Rucio; unchanged: already at the target; invalid: see problems',
});

export const BulkRowPreview = z
  .object({
    row: z.number().int().describe('1-based: the CSV line, or the position in the expansion'),
    account: z.string(),
    rse: z.string().nullable(),
    expression: z.string().nullable(),
    resolvedRses: z.array(z.string()),
    before: CurrentLimit,
    after: CurrentLimit,
    usedBytes: z.number().nullable().describe('null when the row is invalid'),
    action: BulkRowAction,
    belowUsage: z.boolean().describe('The new limit is below what the account stores there'),
    problems: z.array(BulkRowProblem),
  })
  .meta({ id: 'BulkRowPreview' });
export type BulkRowPreview = z.infer<typeof BulkRowPreview>;

export const BulkPreview = z
  .object({
    requestId: z.string(),
    rows: z.array(BulkRowPreview),
    summary: z.object({
      rows: z.number().int(),
      changes: z.number().int(),
      unchanged: z.number().int(),
      invalid: z.number().int(),
      belowUsage: z.number().int(),
    }),
    canApply: z
      .boolean()
      .describe('No invalid row, and the session may set every limit named (a dry run)'),
    fetchedAt: z.string(),
  })
  .meta({ id: 'BulkPreview' });
export type BulkPreview = z.infer<typeof BulkPreview>;

export const BulkRowStatus = z.enum(['applied', 'unchanged', 'failed', 'not_applied']).meta({
  id: 'BulkRowStatus',
  description:
    'applied: Rucio made the change now; unchanged: already at the target (e.g. applied by an earlier try); failed: Rucio refused or did not answer (see message); not_applied: not tried, because an earlier row failed',
});
export type BulkRowStatus = z.infer<typeof BulkRowStatus>;

export const BulkRowResult = z
  .object({
    row: z.number().int(),
    account: z.string(),
    rse: z.string().nullable(),
    expression: z.string().nullable(),
    before: CurrentLimit,
    after: CurrentLimit,
    status: BulkRowStatus,
    message: z.string().nullable(),
    auditId: z.string().nullable().describe('null for rows not tried'),
  })
  .meta({ id: 'BulkRowResult' });
export type BulkRowResult = z.infer<typeof BulkRowResult>;

export const BulkApplyResult = z
  .object({
    requestId: z.string(),
    complete: z
      .boolean()
      .describe('Every row is at its target; false: retry with the same requestId'),
    rows: z.array(BulkRowResult),
    summary: z.object({
      applied: z.number().int(),
      unchanged: z.number().int(),
      failed: z.number().int(),
      notApplied: z.number().int(),
    }),
  })
  .meta({ id: 'BulkApplyResult' });
export type BulkApplyResult = z.infer<typeof BulkApplyResult>;
