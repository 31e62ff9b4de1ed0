import { quotaStatus, type MyQuota, type RseUsageTotal } from '@bdms/contract';
import type {
  GlobalUsageDto,
  LocalUsageDto,
  RseAccountUsageDto,
  RseUsageDto,
} from '@bdms/rucio-client';
import { isoInstant } from '../lib/rucio-values.ts';

const count = (n: number | null | undefined): number =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : 0;

/** A limit as Rucio gives it: null (none), Infinity (unlimited) or bytes. */
const limitOf = (n: number | null | undefined): number | null =>
  n === null || n === undefined ? null : n;

/** One line of /rses/<rse>/accounts/usage, for the overview's table. */
export interface UsageEntry {
  account: string;
  rse: string;
  usedBytes: number;
  usedFiles: number;
  /** Rucio's: bytes, -1 (unlimited, as stored) or null (none); usageColumns keeps -1. */
  limit: number | null;
  /** False when there is neither limit nor usage: the account is named, but has no row. */
  counted: boolean;
}

export function toUsageEntry(rse: string, a: RseAccountUsageDto): UsageEntry {
  const usedBytes = count(a.used_bytes);
  const usedFiles = count(a.used_files);
  const limit = limitOf(a.quota_bytes);
  return {
    account: a.account,
    rse,
    usedBytes,
    usedFiles,
    limit,
    counted: limit !== null || usedBytes > 0 || usedFiles > 0,
  };
}

/**
 * One line of /accounts/<acc>/usage/local. Rucio answers a limit of 0 both for "none set" and for
 * a 0 limit (its quota check treats them alike: no new rules there), so 0 is reported as `none`
 * with limitBytes 0.
 */
export function toMyLocal(u: LocalUsageDto): MyQuota['local'][number] {
  const usedBytes = count(u.bytes);
  const limit = limitOf(u.bytes_limit);
  const status =
    limit === 0
      ? { limitBytes: 0, unlimited: false, usedShare: null, status: 'none' as const }
      : quotaStatus(usedBytes, limit);
  return { rse: u.rse, usedBytes, usedFiles: count(u.files), ...status };
}

export function toMyGlobal(u: GlobalUsageDto): MyQuota['global'][number] {
  const usedBytes = count(u.bytes);
  return {
    expression: u.rse_expression,
    usedBytes,
    usedFiles: count(u.files),
    ...quotaStatus(usedBytes, limitOf(u.bytes_limit)),
  };
}

const nonNegative = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.round(n) : null;

/**
 * An RSE's usage records → its totals: used and files from Rucio's own counter (source `rucio`,
 * kept by abacus-rse); free and total from the storage's report (source `storage`) when one
 * exists, else from Rucio's record (free is null there unless someone set it).
 */
export function toRseTotal(rse: string, records: readonly RseUsageDto[]): RseUsageTotal {
  const rucio = records.find((r) => r.source === 'rucio');
  const storage = records.find((r) => r.source === 'storage');
  const space = storage && nonNegative(storage.free) !== null ? storage : rucio;
  const free = nonNegative(space?.free);
  const used = nonNegative(space?.used);
  return {
    rse,
    usedBytes: nonNegative(rucio?.used),
    files: nonNegative(rucio?.files),
    freeBytes: free,
    totalBytes: free !== null && used !== null ? used + free : null,
    updatedAt: isoInstant(rucio?.updated_at),
  };
}

export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const sortedBy =
  <T>(...keys: ((t: T) => string)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const c = byText(key(a), key(b));
      if (c) return c;
    }
    return 0;
  };
