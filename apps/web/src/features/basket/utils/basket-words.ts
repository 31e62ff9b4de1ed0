import type { BasketChange, BasketItem } from '@/lib/api-contract-basket.ts';
import { plural } from '@/lib/format.ts';

/** What an add did, in words: what went in, and what was there already. */
export function describeAdd(change: Pick<BasketChange, 'added' | 'already' | 'count'>): string {
  const { added, already, count } = change;
  if (added.length === 0)
    return already.length === 1
      ? 'Already in the basket.'
      : `All ${already.length} were already in the basket.`;
  const there = already.length > 0 ? ` (${formatAlready(already.length)})` : '';
  return `Added ${plural(added.length, 'DID')} to the basket${there}; it holds ${plural(count, 'DID')}.`;
}

const formatAlready = (n: number) => `${n} ${n === 1 ? 'was' : 'were'} already there`;

export const WHERE: Record<BasketItem['where'], { label: string; color: string; hint: string }> = {
  disk: { label: 'On disk', color: 'teal', hint: 'Every file has a disk replica' },
  'tape-only': {
    label: 'Tape only',
    color: 'orange',
    hint: 'Some files are only on tape: they must be staged before download',
  },
  partial: { label: 'Partial', color: 'yellow', hint: 'Some files have no available replica' },
  none: { label: 'No replica', color: 'red', hint: 'No file has an available replica' },
  unknown: {
    label: 'Unknown',
    color: 'gray',
    hint: 'Rucio no longer knows this DID, or the container is too large to walk',
  },
};

export const TYPE_WORD: Record<BasketItem['type'], string> = {
  FILE: 'File',
  DATASET: 'Dataset',
  CONTAINER: 'Container',
};
