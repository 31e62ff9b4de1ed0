import type { SearchRow } from '@/lib/api-contract-search.ts';
import type { Column } from './columns.ts';
import { scalarText } from './scalar-text.ts';

export interface SortState {
  column: string;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('en', { numeric: true });

/** Missing values sort last in both directions. */
function compare(a: unknown, b: unknown): number {
  const missingA = a === null || a === undefined;
  const missingB = b === null || b === undefined;
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(scalarText(a), scalarText(b));
}

/** A sorted copy; the name breaks ties so the order is stable across streamed batches. */
export function sortRows(
  rows: readonly SearchRow[],
  column: Column | undefined,
  sort: SortState | null,
): readonly SearchRow[] {
  if (!sort || !column) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: column.value(row) }));
  keyed.sort((x, y) => {
    const missing = x.key === null || x.key === undefined || y.key === null || y.key === undefined;
    const order = compare(x.key, y.key);
    return (missing ? order : sign * order) || collator.compare(x.row.name, y.row.name);
  });
  return keyed.map((k) => k.row);
}

/** Header clicks cycle: ascending → descending → unsorted. */
export function nextSort(current: SortState | null, column: string): SortState | null {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : null;
}
