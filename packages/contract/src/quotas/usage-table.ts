/**
 * The admin usage overview's table as it travels, and what both sides derive from it. Zod-free:
 * the SPA imports it without shipping zod (see apps/web/src/lib/api-contract.ts).
 *
 * One array per column, a row's RSE and account as indexes into the overview's `rses` and
 * `accounts`: 2 500 rows (200 accounts × 12 RSEs) are 56 kB this way and 350 kB as objects
 * (measured on the quota bench), and every byte is written by the BFF and read by the browser.
 * Status and share are not sent: they follow from usage and limit (`quotaStatus`), so both sides
 * compute them the same way.
 */

/** At or above this share of its limit, a usage is near quota (the console highlights it). */
export const NEAR_QUOTA = 0.9;

export type QuotaStatusName = 'over' | 'near' | 'ok' | 'unlimited' | 'none';

export interface UsageStatus {
  /** The limit in bytes; null when none is set or when it is unlimited. */
  limitBytes: number | null;
  unlimited: boolean;
  /** usedBytes ÷ limitBytes; null when unlimited, unset or a 0 limit. */
  usedShare: number | null;
  status: QuotaStatusName;
}

/** A limit as Rucio gives it: null none; Infinity or negative (Rucio stores -1) unlimited. */
export function quotaStatus(usedBytes: number, limit: number | null): UsageStatus {
  if (limit === null)
    return { limitBytes: null, unlimited: false, usedShare: null, status: 'none' };
  if (limit === Number.POSITIVE_INFINITY || limit < 0)
    return { limitBytes: null, unlimited: true, usedShare: null, status: 'unlimited' };
  const usedShare = limit > 0 ? usedBytes / limit : null;
  const status =
    usedBytes > limit ? 'over' : usedShare !== null && usedShare >= NEAR_QUOTA ? 'near' : 'ok';
  return { limitBytes: limit, unlimited: false, usedShare, status };
}

/** The table: every array has one entry per row. */
export interface UsageColumns {
  /** Index into the overview's `rses`. */
  rse: number[];
  /** Index into the overview's `accounts`. */
  account: number[];
  usedBytes: number[];
  usedFiles: number[];
  /** Bytes; -1 unlimited (as Rucio stores it); null when no limit is set. */
  limit: (number | null)[];
}

export interface UsageTable {
  rses: readonly string[];
  accounts: readonly string[];
  columns: UsageColumns;
}

/** One account on one RSE, with what follows from its usage and limit. */
export interface UsageRow extends UsageStatus {
  account: string;
  rse: string;
  usedBytes: number;
  usedFiles: number;
}

/** Unlimited in the table's terms: Rucio's Infinity and its stored -1 both become -1. */
export const tableLimit = (limit: number | null): number | null =>
  limit === null ? null : limit === Number.POSITIVE_INFINITY || limit < 0 ? -1 : limit;

/** The table's rows, in its order (by RSE, then account). */
export function usageRows(t: UsageTable): UsageRow[] {
  const c = t.columns;
  return c.rse.map((rse, i) => {
    const usedBytes = c.usedBytes[i] ?? 0;
    return {
      account: t.accounts[c.account[i] ?? -1] ?? '',
      rse: t.rses[rse] ?? '',
      usedBytes,
      usedFiles: c.usedFiles[i] ?? 0,
      ...quotaStatus(usedBytes, c.limit[i] ?? null),
    };
  });
}

/** Rows → the table's columns (RSEs and accounts named in the given lists). */
export function usageColumns(
  rows: readonly {
    account: string;
    rse: string;
    usedBytes: number;
    usedFiles: number;
    limit: number | null;
  }[],
  rses: readonly string[],
  accounts: readonly string[],
): UsageColumns {
  const rseAt = new Map(rses.map((r, i) => [r, i]));
  const accountAt = new Map(accounts.map((a, i) => [a, i]));
  const columns: UsageColumns = { rse: [], account: [], usedBytes: [], usedFiles: [], limit: [] };
  for (const row of rows) {
    columns.rse.push(rseAt.get(row.rse) ?? -1);
    columns.account.push(accountAt.get(row.account) ?? -1);
    columns.usedBytes.push(row.usedBytes);
    columns.usedFiles.push(row.usedFiles);
    columns.limit.push(tableLimit(row.limit));
  }
  return columns;
}
