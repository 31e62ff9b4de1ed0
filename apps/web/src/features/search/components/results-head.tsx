import { memo } from 'react';
import { NAME_COLUMN, type Column } from '../utils/columns.ts';
import type { SortState } from '../utils/sort-rows.ts';
import { ColumnHeader } from './column-header.tsx';
import classes from './results-table.module.css';

interface ResultsHeadProps {
  columns: readonly Column[];
  widths: Readonly<Record<string, number>>;
  template: string;
  width: number;
  sort: SortState | null;
  onSort: (column: string) => void;
  onResize: (id: string, width: number) => void;
  allSelected: boolean;
  /** Some rows but not all: the box shows "mixed". */
  someSelected: boolean;
  onSelectAll: (selected: boolean) => void;
}

/**
 * The sticky header row: select all, then a sortable, resizable title per column. Memoised, so
 * scrolling the table does not render it again.
 */
export const ResultsHead = memo(function ResultsHead(props: ResultsHeadProps) {
  const { columns, widths, template, width, sort, onSort, onResize, allSelected, someSelected } =
    props;
  return (
    <div role="rowgroup" className={classes.head} style={{ width }}>
      <div
        role="row"
        aria-rowindex={1}
        className={classes.row}
        style={{ gridTemplateColumns: template }}
      >
        <div role="columnheader" className={classes.header}>
          <input
            type="checkbox"
            aria-label="Select all rows"
            checked={allSelected}
            // Only the DOM property exists: no attribute for it.
            ref={(box) => {
              if (box) box.indeterminate = someSelected;
            }}
            onChange={(event) => {
              props.onSelectAll(event.currentTarget.checked);
            }}
          />
        </div>
        {[NAME_COLUMN, ...columns].map((c) => (
          <ColumnHeader
            key={c.id}
            id={c.id}
            label={c.label}
            unit={'unit' in c ? c.unit : undefined}
            width={widths[c.id] ?? c.width}
            sort={sort}
            onSort={() => {
              onSort(c.id);
            }}
            onResize={(w) => {
              onResize(c.id, w);
            }}
          />
        ))}
      </div>
    </div>
  );
});
