import { describe, expect, it } from 'vitest';
import {
  extendTo,
  NO_SELECTION,
  selectAll,
  toggleRow,
  type SelectionState,
} from './row-selection.ts';

/** Rows as the table shows them: their keys by index. */
const rows = (n: number) => Array.from({ length: n }, (_, i) => `acada:/f${String(i)}`);
const at = (keys: readonly string[]) => (i: number) => keys[i];
const sorted = (state: SelectionState) => [...state.selected].sort();

describe('range selection', () => {
  const keys = rows(10);
  const keyAt = at(keys);

  it('when a row is toggled and a range extended from it, then the rows between take its state, in both directions', () => {
    let state = toggleRow(NO_SELECTION, keyAt, 2, true);
    state = extendTo(state, keyAt, keys.length, 5);
    expect(sorted(state)).toEqual(keys.slice(2, 6));
    // The range from the same anchor replaces the last one: to row 0 instead.
    state = extendTo(state, keyAt, keys.length, 0);
    expect(sorted(state)).toEqual(keys.slice(0, 3));
  });

  it('when the anchor was unticked, then the range unticks, and rows outside it keep their state', () => {
    let state = selectAll(() => keys, true);
    state = toggleRow(state, keyAt, 7, false);
    state = extendTo(state, keyAt, keys.length, 4);
    expect(sorted(state)).toEqual([...keys.slice(0, 4), ...keys.slice(8)]);
  });

  it('when there is no anchor, then a shift-click toggles one row, and a shift-move starts the range where it started', () => {
    expect(sorted(extendTo(NO_SELECTION, keyAt, keys.length, 4))).toEqual([keys[4]]);
    expect(sorted(extendTo(NO_SELECTION, keyAt, keys.length, 4, 6))).toEqual(keys.slice(4, 7));
  });

  it('when the rows are resorted, then the range starts where the anchor row is now', () => {
    const state = toggleRow(NO_SELECTION, keyAt, 1, true);
    const reversed = [...keys].reverse();
    const next = extendTo(state, at(reversed), reversed.length, 6);
    // keys[1] is at index 8 of the reversed rows: 6..8 are keys 3, 2 and 1.
    expect(sorted(next)).toEqual(keys.slice(1, 4));
  });

  it('when a range covers 100 000 rows, then all of them are selected, and a shrink leaves the rest', () => {
    const many = rows(100_000);
    let state = toggleRow(NO_SELECTION, at(many), 0, true);
    state = extendTo(state, at(many), many.length, 99_999);
    expect(state.selected.size).toBe(100_000);
    state = extendTo(state, at(many), many.length, 9);
    expect(state.selected.size).toBe(10);
  });
});
