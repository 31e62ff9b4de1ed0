import type { Basket, BasketItem } from '@bdms/contract';

/**
 * The basket's totals: the items' figures added up (a file and a dataset holding it both count,
 * as each was added). Items whose files or bytes Rucio does not give are left out and counted.
 */
export function basketTotals(items: readonly BasketItem[]): Basket['totals'] {
  let [files, bytes, bytesTapeOnly, unknown] = [0, 0, 0, 0];
  let exact = true;
  for (const item of items) {
    if (item.files === null || item.bytes === null) unknown += 1;
    files += item.files ?? 0;
    bytes += item.bytes ?? 0;
    bytesTapeOnly += item.bytesTapeOnly ?? 0;
    if (item.sizeSource !== 'exact' || item.whereSource !== 'exact') exact = false;
  }
  return { dids: items.length, files, bytes, bytesTapeOnly, exact, unknown };
}
