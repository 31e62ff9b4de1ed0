import type { SearchRow } from '@/lib/api-contract-search.ts';

/*
 * Row selection with ranges, as file managers do it: a click (or Space) toggles one row and makes
 * it the anchor; Shift with a click, Space or a move sets every row from the anchor to that row to
 * the anchor's state. The range replaces the previous range from the same anchor, so Shift+Up after
 * Shift+Down shrinks it, and rows outside it keep the state they had when the anchor was set.
 * A move without Shift leaves the anchor (the grid's arrows move without selecting, like a file
 * manager's with Ctrl held). Ranges are taken in the order on screen (sorted), by index; rows are
 * known by key.
 */

/** A row's identity in the selection: the DID. */
export const rowKey = (row: SearchRow): string => `${row.scope}:${row.name}`;

export interface Anchor {
  key: string;
  /** Where the anchor was in the rows then; checked against the key, since rows may be resorted. */
  index: number;
  /** The state a range from this anchor gives its rows. */
  on: boolean;
  /** The selection when the anchor was set: what a range from it starts from. */
  base: ReadonlySet<string>;
}

export interface SelectionState {
  selected: ReadonlySet<string>;
  anchor: Anchor | null;
}

export const NO_SELECTION: SelectionState = { selected: new Set(), anchor: null };

/** One row set to `on`; it becomes the anchor. */
export function toggleRow(
  state: SelectionState,
  keyAt: (index: number) => string | undefined,
  index: number,
  on: boolean,
): SelectionState {
  const key = keyAt(index);
  if (key === undefined) return state;
  const selected = new Set(state.selected);
  if (on) selected.add(key);
  else selected.delete(key);
  return { selected, anchor: { key, index, on, base: selected } };
}

/** A range starting at a row that was not toggled (Shift+move from there) selects. */
function anchorAt(
  state: SelectionState,
  keyAt: (index: number) => string | undefined,
  index: number,
): SelectionState {
  const key = keyAt(index);
  if (key === undefined) return state;
  return { selected: state.selected, anchor: { key, index, on: true, base: state.selected } };
}

/** Where the anchor is now: at its old index unless the rows moved (one search, then). */
function anchorIndex(anchor: Anchor, keyAt: (index: number) => string | undefined, count: number) {
  if (keyAt(anchor.index) === anchor.key) return anchor.index;
  for (let i = 0; i < count; i++) if (keyAt(i) === anchor.key) return i;
  return -1;
}

/**
 * Rows from the anchor to `index` take the anchor's state; the rest are as the anchor found them.
 * Without an anchor (or when it left the result), `from` starts one that selects (a Shift+move
 * from there), or else the row is toggled (a shift-click before any click).
 * O(selected + range): a Set copy and one pass over the range, whatever the result's size.
 */
export function extendTo(
  state: SelectionState,
  keyAt: (index: number) => string | undefined,
  count: number,
  index: number,
  from?: number,
): SelectionState {
  let anchor = state.anchor;
  let found = anchor ? anchorIndex(anchor, keyAt, count) : -1;
  if (found < 0 && from !== undefined) {
    anchor = anchorAt(state, keyAt, from).anchor;
    found = anchor && anchor !== state.anchor ? from : -1;
  }
  if (!anchor || found < 0) {
    const key = keyAt(index);
    return key === undefined ? state : toggleRow(state, keyAt, index, !state.selected.has(key));
  }
  anchor = { ...anchor, index: found };
  const selected = new Set(anchor.base);
  const last = Math.min(Math.max(index, found), count - 1);
  for (let i = Math.max(0, Math.min(index, found)); i <= last; i++) {
    const key = keyAt(i);
    if (key === undefined) continue;
    if (anchor.on) selected.add(key);
    else selected.delete(key);
  }
  return { selected, anchor };
}

/** Select all or none; no anchor is left. */
export function selectAll(keys: () => string[], on: boolean): SelectionState {
  return { selected: on ? new Set(keys()) : new Set(), anchor: null };
}
