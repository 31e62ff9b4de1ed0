/**
 * Numbers and dates as people read them. Sizes use decimal units (1 GB = 10⁹ bytes), as storage
 * and Rucio's own tools report them; the exact byte count goes in a title or next to it.
 */
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${bytes < 0 ? '-' : ''}${value.toFixed(digits)} ${UNITS[unit] ?? 'B'}`;
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const formatCount = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : integer.format(n);

/** `n file(s)` and the like. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** An ISO instant in UTC, to the second: `2025-02-03 21:14:00 UTC`. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
