import { z } from 'zod';
import { CurrentLimit, LimitChangeResult, LimitKind } from './limit-schemas.ts';

export const QUOTA_AUDIT_PAGE = 100;

export const QuotaAuditEntry = z
  .object({
    id: z.string(),
    at: z.string().describe('ISO 8601'),
    actor: z.object({
      sub: z.string(),
      username: z.string().nullable(),
      account: z.string().describe('The Rucio account the change was sent as'),
    }),
    action: z.enum(['set', 'delete']),
    kind: LimitKind,
    account: z.string().describe('Whose limit'),
    rse: z.string().nullable(),
    expression: z.string().nullable(),
    resolvedRses: z.array(z.string()),
    before: CurrentLimit,
    after: CurrentLimit.describe(
      'What was asked for (for a refused change, what it would have been)',
    ),
    result: LimitChangeResult,
    message: z
      .string()
      .nullable()
      .describe("Why it was refused (Rucio's words when Rucio refused)"),
    requestId: z.string().describe('The HTTP request that made the change'),
    batchId: z.string().nullable().describe("A bulk edit's requestId"),
  })
  .meta({ id: 'QuotaAuditEntry' });
export type QuotaAuditEntry = z.infer<typeof QuotaAuditEntry>;

const When = z.iso
  .datetime({ offset: true, message: 'is not an ISO 8601 date-time, e.g. 2026-12-03T10:00:00Z' })
  .optional();

export const QuotaAuditFilterQuery = z.object({
  account: z.string().max(100).optional().describe('Whose limit (exact)'),
  rse: z
    .string()
    .max(255)
    .optional()
    .describe('Changes of this RSE: its local limits and global limits whose expression covers it'),
  actor: z.string().max(200).optional().describe('Who: a username or the Rucio account acted as'),
  // A plain enum (no schema id): a query parameter's $ref is one Schemathesis cannot resolve.
  result: z.enum(LimitChangeResult.options).optional().describe('How the change ended'),
  from: When.describe('From this time on (inclusive)'),
  to: When.describe('Before this time (exclusive)'),
});
export type QuotaAuditFilterQuery = z.infer<typeof QuotaAuditFilterQuery>;

export const QuotaAuditQuery = QuotaAuditFilterQuery.extend({
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,18}$/, { message: 'is not a cursor from a previous page' })
    .optional()
    .describe('nextCursor of the previous page (keyset paging, newest first)'),
  limit: z
    .string()
    .regex(/^(?:[1-9][0-9]?|100)$/, { message: 'is not a number from 1 to 100' })
    .transform(Number)
    .optional()
    .describe(`Entries per page (1 to ${QUOTA_AUDIT_PAGE}, default ${QUOTA_AUDIT_PAGE})`),
});
export type QuotaAuditQuery = z.infer<typeof QuotaAuditQuery>;

export const QuotaAuditPage = z
  .object({
    entries: z.array(QuotaAuditEntry).describe('Newest first'),
    nextCursor: z.string().nullable().describe('null on the last page'),
  })
  .meta({ id: 'QuotaAuditPage' });
export type QuotaAuditPage = z.infer<typeof QuotaAuditPage>;

/** The CSV export's columns, in order (limits as bytes, "unlimited" or empty). */
export const QUOTA_AUDIT_CSV_COLUMNS = [
  'at',
  'actor_username',
  'actor_account',
  'action',
  'kind',
  'account',
  'rse',
  'expression',
  'resolved_rses',
  'before',
  'after',
  'result',
  'message',
  'request_id',
  'batch_id',
] as const;
