import { memo } from 'react';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import { didPath } from '@/lib/did-url.ts';
import type { Column } from '../utils/columns.ts';
import { rowKey } from '../utils/row-selection.ts';
import classes from './results-table.module.css';

interface ResultRowProps {
  row: SearchRow;
  id: string;
  index: number;
  /** Offset from the top of the body, in pixels. */
  start: number;
  height: number;
  columns: readonly Column[];
  template: string;
  width: number;
  selected: boolean;
  active: boolean;
  /** The row's box was clicked: `extend` with Shift, for a range from the anchor. */
  onCheck: (index: number, checked: boolean, extend: boolean) => void;
}

/**
 * One result row. Memoised: a scroll re-renders the table, and only the rows that come into view
 * are rendered; those that stay (same props, since each is placed by its own offset) are not.
 * The table keys rows by their slot in the window, so a row that comes into view takes over the
 * elements of one that left (new text, same nodes) instead of building new ones.
 */
export const ResultRow = memo(function ResultRow(props: ResultRowProps) {
  const { row, id, index, start, height, columns, template, width, selected, active } = props;
  const key = rowKey(row);
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`${classes.row} ${classes.bodyRow} ${active ? classes.active : ''}`}
      style={{ gridTemplateColumns: template, height, width, transform: `translateY(${start}px)` }}
    >
      <div role="gridcell" className={classes.cell}>
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={`Select ${key}`}
          checked={selected}
          // A press here leaves the focus on the grid (results-table.tsx); the click toggles.
          data-row-press=""
          onChange={(event) => {
            const { nativeEvent } = event;
            const shift = nativeEvent instanceof MouseEvent && nativeEvent.shiftKey;
            props.onCheck(index, event.currentTarget.checked, shift);
          }}
        />
      </div>
      <div role="gridcell" className={classes.cell} title={key}>
        {/* A plain link: the grid follows it in the app (results-table.tsx), and a row costs no
            router hooks when it scrolls into view. */}
        <a
          href={didPath(row)}
          tabIndex={-1}
          className={classes.name}
          data-did-link=""
          data-row-press=""
        >
          {row.name}
        </a>
      </div>
      {columns.map((c) => (
        <div
          key={c.id}
          role="gridcell"
          className={`${classes.cell} ${c.numeric ? classes.numeric : ''}`}
          title={c.title?.(row)}
        >
          {c.text(row)}
        </div>
      ))}
    </div>
  );
});
