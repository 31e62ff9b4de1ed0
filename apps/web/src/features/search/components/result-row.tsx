import { memo } from 'react';
import { Link } from 'react-router';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import { didPath } from '@/lib/did-url.ts';
import type { Column } from '../utils/columns.ts';
import classes from './results-table.module.css';

export const rowKey = (row: SearchRow): string => `${row.scope}:${row.name}`;

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
  onSelect: (keys: string[], selected: boolean) => void;
}

/**
 * One result row. Memoised: a scroll re-renders the table, and only the rows that come into view
 * are rendered; those that stay (same props, since each is placed by its own offset) are not.
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
          onChange={(event) => {
            props.onSelect([key], event.currentTarget.checked);
          }}
        />
      </div>
      <div role="gridcell" className={classes.cell} title={key}>
        <Link to={didPath(row)} tabIndex={-1} className={classes.name}>
          {row.name}
        </Link>
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
