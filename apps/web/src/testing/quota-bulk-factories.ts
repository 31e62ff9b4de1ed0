import {
  BulkApplyResult,
  BulkPreview,
  QuotaAuditEntry,
  QuotaAuditPage,
  type BulkRowPreview,
  type BulkRowStatus,
} from '@bdms/contract';

/*
 * Bulk edits and the audit trail as the BFF answers them (apps/bff/src/quotas/limits-bulk.service.ts,
 * quota-audit.repo.ts): every body is parsed with the contract's schema, so a factory cannot drift
 * from what the BFF may send.
 */

/** The requestId the BFF echoes back (the SPA's own is random; the page does not compare them). */
export const BULK_REQUEST_ID = '6a1c2e8e-9a54-4f3c-8d1e-0c4b7e2f9a10';
/** oscar, the devstack's portal admin, acting as the Rucio account ctaoadmin. */
export const OSCAR = {
  sub: 'c7e2d9f4-1a3b-4d5e-8f60-7a8b9c0d1e02',
  username: 'oscar',
  account: 'ctaoadmin',
} as const;

/** One dry-run row: a local limit (the BFF fills resolvedRses for global rows only). */
export const makeBulkRow = (row: Partial<BulkRowPreview> = {}): BulkRowPreview => ({
  row: 1,
  account: 'alice',
  rse: 'CTAO-S-ONSITE',
  expression: null,
  resolvedRses: [],
  before: null,
  after: 1e9,
  usedBytes: 0,
  action: 'set',
  belowUsage: false,
  problems: [],
  ...row,
});

/** A row the BFF found wrong before asking Rucio (CSV parsing): no before, no usage. */
export const makeInvalidRow = (
  row: number,
  problem: BulkRowPreview['problems'][number],
  fields: Partial<BulkRowPreview> = {},
): BulkRowPreview =>
  makeBulkRow({
    row,
    after: null,
    usedBytes: null,
    action: 'invalid',
    problems: [problem],
    ...fields,
  });

/** The dry run of these rows, summed and judged as the BFF does for a portal admin. */
export const makeBulkPreview = (rows: BulkRowPreview[]): BulkPreview => {
  const count = (a: BulkRowPreview['action']) => rows.filter((r) => r.action === a).length;
  return BulkPreview.parse({
    requestId: BULK_REQUEST_ID,
    rows,
    summary: {
      rows: rows.length,
      changes: count('set') + count('delete'),
      unchanged: count('unchanged'),
      invalid: count('invalid'),
      belowUsage: rows.filter((r) => r.belowUsage).length,
    },
    canApply: rows.every((r) => r.problems.length === 0),
    fetchedAt: '2026-12-03T16:50:00.000Z',
  });
};

const NOT_TRIED = 'Not tried: an earlier row failed.';

/**
 * What applying the previewed rows did, one status per row (a failed row needs its message).
 * Rows after a failure are `not_applied` and `complete` is false, as the BFF stops there.
 */
export const makeBulkResult = (
  rows: readonly (readonly [BulkRowPreview, BulkRowStatus, string?])[],
): BulkApplyResult => {
  const results = rows.map(([p, status, message], i) => ({
    row: p.row,
    account: p.account,
    rse: p.rse,
    expression: p.expression,
    before: p.before,
    after: p.after,
    status,
    message: status === 'not_applied' ? NOT_TRIED : (message ?? null),
    auditId: status === 'not_applied' ? null : String(100 + i),
  }));
  const count = (s: BulkRowStatus) => results.filter((r) => r.status === s).length;
  return BulkApplyResult.parse({
    requestId: BULK_REQUEST_ID,
    complete: count('failed') === 0,
    rows: results,
    summary: {
      applied: count('applied'),
      unchanged: count('unchanged'),
      failed: count('failed'),
      notApplied: count('not_applied'),
    },
  });
};

/** One audit row: oscar setting alice's local limit on CTAO-S-ONSITE, accepted by Rucio. */
export const makeAuditEntry = (entry: Partial<QuotaAuditEntry> = {}): QuotaAuditEntry =>
  QuotaAuditEntry.parse({
    id: '42',
    at: '2026-12-03T16:50:00.123Z',
    actor: OSCAR,
    action: 'set',
    kind: 'local',
    account: 'alice',
    rse: 'CTAO-S-ONSITE',
    expression: null,
    resolvedRses: [],
    before: null,
    after: 1e9,
    result: 'accepted',
    message: null,
    requestId: '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f',
    batchId: BULK_REQUEST_ID,
    ...entry,
  });

export const makeAuditPage = (
  entries: QuotaAuditEntry[],
  nextCursor: string | null = null,
): QuotaAuditPage => QuotaAuditPage.parse({ entries, nextCursor });
