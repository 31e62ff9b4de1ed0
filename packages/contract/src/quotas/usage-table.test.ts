import { describe, expect, it } from 'vitest';
import { QuotaUsageOverview } from './usage.ts';
import { quotaStatus, tableLimit, usageColumns, usageRows } from './usage-table.ts';

const rses = ['A-DISK', 'B-DISK'];
const accounts = ['alice', 'root'];
const rows = [
  { account: 'alice', rse: 'A-DISK', usedBytes: 950, usedFiles: 2, limit: 1000 },
  { account: 'root', rse: 'A-DISK', usedBytes: 5, usedFiles: 1, limit: null },
  { account: 'alice', rse: 'B-DISK', usedBytes: 0, usedFiles: 0, limit: Number.POSITIVE_INFINITY },
  { account: 'root', rse: 'B-DISK', usedBytes: 2000, usedFiles: 3, limit: 1000 },
];

describe('the usage overview table', () => {
  it('when rows go to columns and back, then each row keeps its figures and gains its status and share', () => {
    const columns = usageColumns(rows, rses, accounts);
    expect(columns).toEqual({
      rse: [0, 0, 1, 1],
      account: [0, 1, 0, 1],
      usedBytes: [950, 5, 0, 2000],
      usedFiles: [2, 1, 0, 3],
      limit: [1000, null, -1, 1000],
    });
    expect(QuotaUsageOverview.safeParse({ rses, accounts, columns }).success).toBe(true);
    expect(usageRows({ rses, accounts, columns })).toEqual([
      {
        account: 'alice',
        rse: 'A-DISK',
        usedBytes: 950,
        usedFiles: 2,
        limitBytes: 1000,
        unlimited: false,
        usedShare: 0.95,
        status: 'near',
      },
      {
        account: 'root',
        rse: 'A-DISK',
        usedBytes: 5,
        usedFiles: 1,
        limitBytes: null,
        unlimited: false,
        usedShare: null,
        status: 'none',
      },
      {
        account: 'alice',
        rse: 'B-DISK',
        usedBytes: 0,
        usedFiles: 0,
        limitBytes: null,
        unlimited: true,
        usedShare: null,
        status: 'unlimited',
      },
      {
        account: 'root',
        rse: 'B-DISK',
        usedBytes: 2000,
        usedFiles: 3,
        limitBytes: 1000,
        unlimited: false,
        usedShare: 2,
        status: 'over',
      },
    ]);
  });

  it('when a column is short, then the contract refuses the table', () => {
    const columns = { ...usageColumns(rows, rses, accounts), usedFiles: [1] };
    const parsed = QuotaUsageOverview.safeParse({ rses, accounts, columns });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('every column has one entry per row');
  });

  it('reads limits as Rucio writes them: Infinity and -1 unlimited, 0 a limit nothing fits under', () => {
    expect(tableLimit(Number.POSITIVE_INFINITY)).toBe(-1);
    expect(tableLimit(-1)).toBe(-1);
    expect(tableLimit(0)).toBe(0);
    expect(quotaStatus(1, 0)).toEqual({
      limitBytes: 0,
      unlimited: false,
      usedShare: null,
      status: 'over',
    });
    expect(quotaStatus(0, 0)).toMatchObject({ status: 'ok' });
  });
});
