import { useMemo, useState } from 'react';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import {
  extendTo,
  NO_SELECTION,
  rowKey,
  selectAll,
  toggleRow,
  type SelectionState,
} from '../utils/row-selection.ts';

export interface RowSelection {
  /** Keys (`scope:name`) of the selected rows. */
  selected: ReadonlySet<string>;
  /** A click or Space on one row (by its index on screen). */
  toggle: (index: number, on: boolean) => void;
  /** Shift with a click, Space or a move; `from` is where a range starts if none has. */
  extend: (index: number, from?: number) => void;
  /** The header's select-all box. */
  all: (on: boolean) => void;
}

/**
 * The selected rows of a result and the anchor of the next range (row-selection.ts), over the rows
 * in the order on screen. The returned object only changes with the selection or the rows, so the
 * memoised rows and header are not rendered again by a scroll.
 */
export function useRowSelection(rows: readonly SearchRow[]): RowSelection {
  const [state, setState] = useState<SelectionState>(NO_SELECTION);
  return useMemo(() => {
    const keyAt = (index: number) => {
      const row = rows[index];
      return row && rowKey(row);
    };
    return {
      selected: state.selected,
      toggle: (index, on) => {
        setState((s) => toggleRow(s, keyAt, index, on));
      },
      extend: (index, from) => {
        setState((s) => extendTo(s, keyAt, rows.length, index, from));
      },
      all: (on) => {
        setState(selectAll(() => rows.map(rowKey), on));
      },
    };
  }, [rows, state.selected]);
}
