import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import { didPath } from '@/lib/did-url.ts';
import type { Column } from '../utils/columns.ts';
import type { SortState } from '../utils/sort-rows.ts';
import { ColumnHeader } from './column-header.tsx';
import classes from './results-table.module.css';

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 37;
const SELECT_WIDTH = 40;
export const NAME_COLUMN = { id: 'name', label: 'Name', width: 420 } as const;

export const rowKey = (row: SearchRow): string => `${row.scope}:${row.name}`;

interface ResultsTableProps {
  rows: readonly SearchRow[];
  columns: readonly Column[];
  widths: Readonly<Record<string, number>>;
  onResize: (id: string, width: number) => void;
  sort: SortState | null;
  onSort: (column: string) => void;
  selected: ReadonlySet<string>;
  onSelect: (keys: string[], selected: boolean) => void;
}

/**
 * The result as an ARIA grid, virtualised: only the rows in view are in the page, so 100 000 rows
 * scroll like 100. One tab stop; arrows, Page Up/Down and Home/End move the active row, Space
 * selects it, Enter opens its DID page.
 */
export function ResultsTable(props: ResultsTableProps) {
  const { rows, columns, widths, onResize, sort, onSort, selected, onSelect } = props;
  const grid = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const idPrefix = useId();
  const [active, setActive] = useState(0);
  // The virtualiser re-renders this component on scroll itself; no memoised child reads it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => grid.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const widthOf = (id: string, fallback: number) => widths[id] ?? fallback;
  const template = [
    `${SELECT_WIDTH}px`,
    `${widthOf(NAME_COLUMN.id, NAME_COLUMN.width)}px`,
    ...columns.map((c) => `${widthOf(c.id, c.width)}px`),
  ].join(' ');
  const totalWidth =
    SELECT_WIDTH +
    widthOf(NAME_COLUMN.id, NAME_COLUMN.width) +
    columns.reduce((sum, c) => sum + widthOf(c.id, c.width), 0);
  const current = Math.min(active, Math.max(0, rows.length - 1));
  // The selection only ever holds rows of this result, so counting is enough (no O(n) per scroll).
  const allSelected = rows.length > 0 && selected.size >= rows.length;
  const rowId = (index: number) => `${idPrefix}-row-${index}`;

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const page = Math.max(
    1,
    Math.floor(((grid.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
  );
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const row = rows[current];
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) moveTo(target);
    else if (event.key === ' ' && row) onSelect([rowKey(row)], !selected.has(rowKey(row)));
    else if (event.key === 'Enter' && row) void navigate(didPath(row));
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={grid}
      role="grid"
      aria-label="Search results"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 2}
      aria-multiselectable
      aria-activedescendant={rows.length > 0 ? rowId(current) : undefined}
      tabIndex={0}
      className={classes.grid}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className={classes.head} style={{ width: totalWidth }}>
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
              onChange={(event) => {
                onSelect(rows.map(rowKey), event.currentTarget.checked);
              }}
            />
          </div>
          {[NAME_COLUMN, ...columns].map((c) => (
            <ColumnHeader
              key={c.id}
              id={c.id}
              label={c.label}
              unit={'unit' in c ? c.unit : undefined}
              width={widthOf(c.id, c.width)}
              sort={sort}
              onSort={() => {
                onSort(c.id);
              }}
              onResize={(width) => {
                onResize(c.id, width);
              }}
            />
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        className={classes.body}
        style={{ height: virtualizer.getTotalSize(), width: totalWidth }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const key = rowKey(row);
          const isSelected = selected.has(key);
          return (
            <div
              key={key}
              id={rowId(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isSelected}
              className={`${classes.row} ${classes.bodyRow} ${item.index === current ? classes.active : ''}`}
              style={{
                gridTemplateColumns: template,
                height: ROW_HEIGHT,
                width: totalWidth,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <div role="gridcell" className={classes.cell}>
                <input
                  type="checkbox"
                  tabIndex={-1}
                  aria-label={`Select ${key}`}
                  checked={isSelected}
                  onChange={(event) => {
                    onSelect([key], event.currentTarget.checked);
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
        })}
      </div>
    </div>
  );
}
