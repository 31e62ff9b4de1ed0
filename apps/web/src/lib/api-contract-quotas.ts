/**
 * Twins of the quota routes (see api-contract.ts for why twins): usage against limits, RSE
 * totals, my quota (issue 9, usage side), and limits, bulk edits and their audit (limits side).
 * Imported lazily by the quota pages only.
 */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';

const Count = z.int().check(z.gte(0));
const Status = z.enum(['over', 'near', 'ok', 'unlimited', 'none']);

const usageFields = {
  usedBytes: Count,
  usedFiles: Count,
  limitBytes: z.nullable(Count),
  unlimited: z.boolean(),
  usedShare: z.nullable(z.number().check(z.gte(0))),
  status: Status,
};

const UsageColumns = z
  .object({
    rse: z.array(Count),
    account: z.array(Count),
    usedBytes: z.array(Count),
    usedFiles: z.array(Count),
    limit: z.array(z.nullable(z.int().check(z.gte(-1)))),
  })
  .check(
    z.refine(
      (c) => [c.account, c.usedBytes, c.usedFiles, c.limit].every((a) => a.length === c.rse.length),
      'every column has one entry per row',
    ),
  );

export const QuotaUsageOverview = z.object({
  rses: z.array(z.string()),
  accounts: z.array(z.string()),
  columns: UsageColumns,
});

export const RseUsageTotals = z.object({
  rses: z.array(
    z.object({
      rse: z.string(),
      usedBytes: z.nullable(Count),
      files: z.nullable(Count),
      freeBytes: z.nullable(Count),
      totalBytes: z.nullable(Count),
      updatedAt: z.nullable(z.string()),
    }),
  ),
  computedAt: z.nullable(z.string()),
});

export const MyQuota = z.object({
  account: z.string(),
  local: z.array(z.object({ rse: z.string(), ...usageFields })),
  global: z.array(z.object({ expression: z.string(), ...usageFields })),
});

const CurrentLimit = z.nullable(z.union([z.number(), z.literal('unlimited')]));

export const QuotaPermissions = z.object({
  portalAdmin: z.boolean(),
  account: z.string(),
  rucioAdmin: z.boolean(),
  countries: z.array(z.string()),
  rses: z.array(z.string()),
  reason: z.nullable(z.string()),
});

export const LimitsOverview = z.object({
  accounts: z.array(z.string()),
  rses: z.array(
    z.object({
      rse: z.string(),
      type: z.enum(['DISK', 'TAPE']),
      country: z.nullable(z.string()),
    }),
  ),
  local: z.array(
    z.object({
      account: z.string(),
      rse: z.string(),
      limit: CurrentLimit,
      usedBytes: z.number(),
      usedFiles: z.int(),
    }),
  ),
  global: z.array(
    z.object({
      account: z.string(),
      expression: z.string(),
      limit: CurrentLimit,
      resolvedRses: z.array(z.string()),
      usedBytes: z.number(),
    }),
  ),
  permissions: QuotaPermissions,
  fetchedAt: z.string(),
});

export const LimitChange = z.object({
  kind: z.enum(['local', 'global']),
  account: z.string(),
  rse: z.nullable(z.string()),
  expression: z.nullable(z.string()),
  resolvedRses: z.array(z.string()),
  before: CurrentLimit,
  after: CurrentLimit,
  usedBytes: z.number(),
  result: z.enum(['accepted', 'unchanged']),
  auditId: z.string(),
  requestId: z.string(),
});

const rowWhere = {
  row: z.int(),
  account: z.string(),
  rse: z.nullable(z.string()),
  expression: z.nullable(z.string()),
};

export const BulkPreview = z.object({
  requestId: z.string(),
  rows: z.array(
    z.object({
      ...rowWhere,
      resolvedRses: z.array(z.string()),
      before: CurrentLimit,
      after: CurrentLimit,
      usedBytes: z.nullable(z.number()),
      action: z.enum(['set', 'delete', 'unchanged', 'invalid']),
      belowUsage: z.boolean(),
      problems: z.array(
        z.object({
          field: z.enum(['account', 'rse', 'expression', 'limit', 'row']),
          message: z.string(),
        }),
      ),
    }),
  ),
  summary: z.object({
    rows: z.int(),
    changes: z.int(),
    unchanged: z.int(),
    invalid: z.int(),
    belowUsage: z.int(),
  }),
  canApply: z.boolean(),
  fetchedAt: z.string(),
});

export const BulkApplyResult = z.object({
  requestId: z.string(),
  complete: z.boolean(),
  rows: z.array(
    z.object({
      ...rowWhere,
      before: CurrentLimit,
      after: CurrentLimit,
      status: z.enum(['applied', 'unchanged', 'failed', 'not_applied']),
      message: z.nullable(z.string()),
      auditId: z.nullable(z.string()),
    }),
  ),
  summary: z.object({
    applied: z.int(),
    unchanged: z.int(),
    failed: z.int(),
    notApplied: z.int(),
  }),
});

export const QuotaAuditPage = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actor: z.object({ sub: z.string(), username: z.nullable(z.string()), account: z.string() }),
      action: z.enum(['set', 'delete']),
      kind: z.enum(['local', 'global']),
      account: z.string(),
      rse: z.nullable(z.string()),
      expression: z.nullable(z.string()),
      resolvedRses: z.array(z.string()),
      before: CurrentLimit,
      after: CurrentLimit,
      result: z.enum(['accepted', 'refused', 'unchanged', 'pending']),
      message: z.nullable(z.string()),
      requestId: z.string(),
      batchId: z.nullable(z.string()),
    }),
  ),
  nextCursor: z.nullable(z.string()),
});

const local = '/api/quotas/limits/local/:account/:rse';
const global = '/api/quotas/limits/global/:account/:expression';

/** Keyed like the contract's `api`. */
export const quotaApi = {
  quotaUsage: { method: 'get', path: '/api/quotas/usage', response: QuotaUsageOverview },
  quotaRseTotals: { method: 'get', path: '/api/quotas/rses', response: RseUsageTotals },
  myQuota: { method: 'get', path: '/api/quotas/me', response: MyQuota },
  quotaPermissions: { method: 'get', path: '/api/quotas/permissions', response: QuotaPermissions },
  quotaLimits: { method: 'get', path: '/api/quotas/limits', response: LimitsOverview },
  setLocalLimit: { method: 'put', path: local, response: LimitChange },
  deleteLocalLimit: { method: 'delete', path: local, response: LimitChange },
  setGlobalLimit: { method: 'put', path: global, response: LimitChange },
  deleteGlobalLimit: { method: 'delete', path: global, response: LimitChange },
  previewBulkLimits: {
    method: 'post',
    path: '/api/quotas/limits/bulk/preview',
    response: BulkPreview,
  },
  applyBulkLimits: {
    method: 'post',
    path: '/api/quotas/limits/bulk/apply',
    response: BulkApplyResult,
  },
  quotaAudit: { method: 'get', path: '/api/quotas/audit', response: QuotaAuditPage },
} as const satisfies { [K in keyof Api]?: ClientRoute };
