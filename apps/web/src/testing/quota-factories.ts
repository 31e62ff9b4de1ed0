import type { ApiResponse } from '@bdms/contract';
import { usageColumns } from '@bdms/contract/quotas/usage-table.ts';

type Overview = ApiResponse<'quotaUsage'>;
type Totals = ApiResponse<'quotaRseTotals'>;
type Mine = ApiResponse<'myQuota'>;
type Limits = ApiResponse<'quotaLimits'>;
type Preview = ApiResponse<'previewBulkLimits'>;

/** Figures the devstack's demo archive gave (alice's seeded limits, ctaoadmin's, root's usage). */
export const USAGE_ROWS = [
  { account: 'alice', rse: 'CSCS-DISK', usedBytes: 4727, usedFiles: 1, limit: 5000 },
  { account: 'alice', rse: 'DESY-ZN-DISK', usedBytes: 9095, usedFiles: 4, limit: 100000 },
  { account: 'ctaoadmin', rse: 'DESY-ZN-DISK', usedBytes: 115109, usedFiles: 39, limit: -1 },
  { account: 'root', rse: 'DESY-ZN-DISK', usedBytes: 1011919, usedFiles: 303, limit: 1000 },
];

/** The overview as the BFF sends it: a table by column. */
export const makeUsageOverview = (): Overview => {
  const rses = ['CSCS-DISK', 'DESY-ZN-DISK'];
  const accounts = ['alice', 'ctaoadmin', 'lst-analysis', 'root'];
  return { rses, accounts, columns: usageColumns(USAGE_ROWS, rses, accounts) };
};

export const makeRseTotals = (): Totals => ({
  rses: [
    {
      rse: 'CSCS-DISK',
      usedBytes: 654963,
      files: 202,
      freeBytes: null,
      totalBytes: null,
      updatedAt: '2026-12-03T16:35:43.000Z',
    },
    {
      rse: 'DESY-ZN-DISK',
      usedBytes: 760391,
      files: 234,
      freeBytes: null,
      totalBytes: null,
      updatedAt: '2026-12-03T16:35:43.000Z',
    },
  ],
  computedAt: '2026-12-03T16:35:43.000Z',
});

export const makeMyQuota = (): Mine => ({
  account: 'alice',
  local: [
    {
      rse: 'CSCS-DISK',
      usedBytes: 4727,
      usedFiles: 1,
      limitBytes: 50000,
      unlimited: false,
      usedShare: 0.09454,
      status: 'ok',
    },
    {
      rse: 'DESY-ZN-DISK',
      usedBytes: 9095,
      usedFiles: 4,
      limitBytes: null,
      unlimited: true,
      usedShare: null,
      status: 'unlimited',
    },
  ],
  global: [
    {
      expression: 'OFFSITE',
      usedBytes: 13822,
      usedFiles: 5,
      limitBytes: 200000,
      unlimited: false,
      usedShare: 0.06911,
      status: 'ok',
    },
  ],
});

export const makeLimits = (): Limits => ({
  accounts: ['alice', 'ctaoadmin'],
  rses: [
    { rse: 'CSCS-DISK', type: 'DISK', country: 'CH' },
    { rse: 'DESY-ZN-DISK', type: 'DISK', country: 'DE' },
  ],
  local: [{ account: 'alice', rse: 'DESY-ZN-DISK', limit: 100000, usedBytes: 9095, usedFiles: 4 }],
  global: [
    {
      account: 'alice',
      expression: 'OFFSITE',
      limit: 200000,
      resolvedRses: ['CSCS-DISK', 'DESY-ZN-DISK'],
      usedBytes: 13822,
    },
  ],
  permissions: {
    portalAdmin: true,
    account: 'ctaoadmin',
    rucioAdmin: true,
    countries: [],
    rses: ['CSCS-DISK', 'DESY-ZN-DISK'],
    reason: null,
  },
  fetchedAt: '2026-12-03T16:50:00.000Z',
});

export const makePreview = (row: Partial<Preview['rows'][number]> = {}): Preview => ({
  requestId: '6a1c2e8e-9a54-4f3c-8d1e-0c4b7e2f9a10',
  rows: [
    {
      row: 1,
      account: 'alice',
      rse: 'DESY-ZN-DISK',
      expression: null,
      resolvedRses: [],
      before: 100000,
      after: 5000,
      usedBytes: 9095,
      action: 'set',
      belowUsage: true,
      problems: [],
      ...row,
    },
  ],
  summary: { rows: 1, changes: 1, unchanged: 0, invalid: 0, belowUsage: 1 },
  canApply: true,
  fetchedAt: '2026-12-03T16:50:00.000Z',
});
