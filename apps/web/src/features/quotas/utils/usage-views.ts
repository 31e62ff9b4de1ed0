/**
 * The admin overview's rows seen per account and per RSE, sorted as the table asks. Status and
 * share come from the BFF (one rule for everyone); here they are only summed and ordered.
 */
export type QuotaStatus = 'over' | 'near' | 'ok' | 'unlimited' | 'none';

export interface UsageRow {
  account: string;
  rse: string;
  usedBytes: number;
  usedFiles: number;
  limitBytes: number | null;
  unlimited: boolean;
  usedShare: number | null;
  status: QuotaStatus;
}

/** One account (or one RSE) over all its rows: what the "per account" and "per RSE" views show. */
export interface UsageGroup {
  key: string;
  usedBytes: number;
  usedFiles: number;
  /** Sum of the finite limits; null when no row has one. */
  limitBytes: number | null;
  /** Some row is unlimited. */
  unlimited: boolean;
  over: number;
  near: number;
  rows: number;
  /** The worst status of its rows. */
  status: QuotaStatus;
}

const WORST: readonly QuotaStatus[] = ['over', 'near', 'ok', 'unlimited', 'none'];
const worse = (a: QuotaStatus, b: QuotaStatus): QuotaStatus =>
  WORST.indexOf(a) <= WORST.indexOf(b) ? a : b;

export function groupBy(rows: readonly UsageRow[], by: 'account' | 'rse'): UsageGroup[] {
  const groups = new Map<string, UsageGroup>();
  for (const r of rows) {
    const key = r[by];
    const g = groups.get(key) ?? {
      key,
      usedBytes: 0,
      usedFiles: 0,
      limitBytes: null,
      unlimited: false,
      over: 0,
      near: 0,
      rows: 0,
      status: 'none' as QuotaStatus,
    };
    g.usedBytes += r.usedBytes;
    g.usedFiles += r.usedFiles;
    if (r.limitBytes !== null) g.limitBytes = (g.limitBytes ?? 0) + r.limitBytes;
    g.unlimited ||= r.unlimited;
    if (r.status === 'over') g.over += 1;
    if (r.status === 'near') g.near += 1;
    g.rows += 1;
    g.status = g.rows === 1 ? r.status : worse(g.status, r.status);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export type SortDir = 'ascending' | 'descending';
export interface Sort<K extends string> {
  key: K;
  dir: SortDir;
}

/** Sorts by one column; nulls last either way, then by the first column as a tie-break. */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: Sort<K>,
  value: (row: T, key: K) => string | number | null,
  tieBreak: (row: T) => string,
): T[] {
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a, sort.key), value(b, sort.key)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return (x < y ? -1 : 1) * sign;
    const [s, t] = [tieBreak(a), tieBreak(b)];
    return s < t ? -1 : s > t ? 1 : 0;
  });
}

/** The status as people read it, and its colour (Mantine palette). */
export const STATUS_LOOK: Record<QuotaStatus, { label: string; color: string }> = {
  over: { label: 'Over quota', color: 'red' },
  near: { label: '≥ 90 %', color: 'orange' },
  ok: { label: 'OK', color: 'teal' },
  unlimited: { label: 'Unlimited', color: 'blue' },
  none: { label: 'No limit set', color: 'gray' },
};

export const formatShare = (share: number | null): string =>
  share === null ? '—' : `${(share * 100).toFixed(share >= 10 ? 0 : 1)} %`;
