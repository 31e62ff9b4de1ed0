import { z } from 'zod';
import { errors, route, RUCIO_ERRORS, SESSION_ERRORS } from '../route-def.ts';
import { NEAR_QUOTA } from './usage-table.ts';

export { NEAR_QUOTA, quotaStatus, tableLimit, usageColumns, usageRows } from './usage-table.ts';
export type { UsageRow, UsageStatus, UsageTable } from './usage-table.ts';

/**
 * The usage side of quotas (issue 9, items 3 and 6): what each account uses on each RSE against
 * its limit, the RSEs' totals, and the signed-in user's own quota. Usage in Rucio is counted by
 * its abacus daemons (the devstack runs them on every round of its transfer loop).
 */

export const QuotaStatus = z
  .enum(['over', 'near', 'ok', 'unlimited', 'none'])
  .describe(
    `over: used more than the limit (or anything under a 0 limit); near: at least ${String(NEAR_QUOTA * 100)} % of it; ok: below; unlimited: Rucio's Infinity; none: no limit set (Rucio treats that as 0 for new rules)`,
  )
  .meta({ id: 'QuotaStatus' });
export type QuotaStatus = z.infer<typeof QuotaStatus>;

/** Usage against a limit: the fields every quota row shares. */
const usageFields = {
  usedBytes: z.number().int().min(0),
  usedFiles: z.number().int().min(0),
  limitBytes: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe('The limit in bytes; null when none is set or when it is unlimited'),
  unlimited: z.boolean().describe('Rucio answers Infinity: no cap'),
  usedShare: z
    .number()
    .min(0)
    .nullable()
    .describe('usedBytes ÷ limitBytes (1 = full); null when unlimited, unset or a 0 limit'),
  status: QuotaStatus,
};

const column = <T extends z.ZodType>(item: T, what: string) => z.array(item).describe(what);
const index = z.number().int().min(0);

export const UsageColumns = z
  .object({
    rse: column(index, "Each row's RSE: its index in rses"),
    account: column(index, "Each row's account: its index in accounts"),
    usedBytes: column(z.number().int().min(0), 'Bytes used'),
    usedFiles: column(z.number().int().min(0), 'Files'),
    limit: column(
      z.number().int().min(-1).nullable(),
      'The local limit in bytes; -1 unlimited (as Rucio stores it); null when none is set (Rucio treats that as 0 for new rules)',
    ),
  })
  .refine(
    (c) => [c.account, c.usedBytes, c.usedFiles, c.limit].every((a) => a.length === c.rse.length),
    { message: 'every column has one entry per row' },
  )
  .meta({
    id: 'UsageColumns',
    description: `The table by column, one entry per row (row i is entry i of each). Status and share follow from usage and limit: over when used > limit (or anything under a 0 limit), near at ≥ ${String(NEAR_QUOTA * 100)} % of it, ok below, unlimited, none (quotaStatus in the contract).`,
  });

export type UsageColumns = z.infer<typeof UsageColumns>;

export const QuotaUsageOverview = z
  .object({
    rses: z.array(z.string()).describe('Every RSE, sorted'),
    accounts: z.array(z.string()).describe('Every account Rucio lists on them, sorted'),
    columns: UsageColumns.describe(
      "Every account × every RSE with a local limit or usage there (Rucio's /rses/<rse>/accounts/usage, one call per RSE), by RSE (in the order of rses) then account",
    ),
  })
  .meta({ id: 'QuotaUsageOverview' });
export type QuotaUsageOverview = z.infer<typeof QuotaUsageOverview>;

const bytes = z.number().int().min(0).nullable();

export const RseUsageTotal = z
  .object({
    rse: z.string(),
    usedBytes: bytes.describe("What Rucio accounts on the RSE (source 'rucio')"),
    files: z.number().int().min(0).nullable(),
    freeBytes: bytes.describe(
      "Free space as the storage reports it (source 'storage'), else Rucio's; null when nobody reports it",
    ),
    totalBytes: bytes.describe('used + free of the same source; null when free is unknown'),
    updatedAt: z
      .string()
      .nullable()
      .describe(
        "ISO 8601: when Rucio's abacus last changed this RSE's counter (the usage record's updated_at); null before its first pass",
      ),
  })
  .meta({ id: 'RseUsageTotal' });
export type RseUsageTotal = z.infer<typeof RseUsageTotal>;

export const RseUsageTotals = z
  .object({
    rses: z.array(RseUsageTotal).describe('Sorted by RSE'),
    computedAt: z
      .string()
      .nullable()
      .describe("ISO 8601: the newest of the RSEs' updatedAt (when the figures last changed)"),
  })
  .meta({ id: 'RseUsageTotals' });
export type RseUsageTotals = z.infer<typeof RseUsageTotals>;

export const MyLocalQuota = z.object({ rse: z.string(), ...usageFields }).meta({
  id: 'MyLocalQuota',
});
export const MyGlobalQuota = z
  .object({
    expression: z.string().describe('The RSE expression the limit covers'),
    ...usageFields,
  })
  .meta({ id: 'MyGlobalQuota' });

export const MyQuota = z
  .object({
    account: z.string().describe('The Rucio account the figures are for (the one Rucio acts as)'),
    local: z
      .array(MyLocalQuota)
      .describe('Per RSE where the account has a local limit or uses space, sorted'),
    global: z.array(MyGlobalQuota).describe('Per RSE expression with a global limit, sorted'),
  })
  .meta({ id: 'MyQuota' });
export type MyQuota = z.infer<typeof MyQuota>;

/** Usage and RSE totals (issue 9): admin overview in one Rucio call per RSE; everyone's own. */
export const quotaUsageRoutes = {
  quotaUsage: route({
    method: 'get',
    path: '/api/quotas/usage',
    summary:
      "Portal admins: every account's usage on every RSE against its local limit, as a table by column (status and share follow from usage and limit: quotaStatus). Costs Rucio one call per RSE plus the RSE list, never one per account × RSE.",
    auth: true,
    response: QuotaUsageOverview,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS, { 403: ['forbidden'] }),
  }),
  quotaRseTotals: route({
    method: 'get',
    path: '/api/quotas/rses',
    summary:
      "Every RSE's used / free / total bytes and files from Rucio's RSE usage, and when Rucio's abacus last changed them. One Rucio call per RSE plus the RSE list.",
    auth: true,
    response: RseUsageTotals,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS),
  }),
  myQuota: route({
    method: 'get',
    path: '/api/quotas/me',
    summary:
      "The signed-in user's own limits and usage: per RSE (local limits) and per RSE expression (global limits), as Rucio's abacus counted them.",
    auth: true,
    response: MyQuota,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS),
  }),
} as const;
