import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useNavigate } from 'react-router';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import { didPath } from '@/lib/did-url.ts';
import type { RowSelection } from '../hooks/use-row-selection.ts';
import { NAME_COLUMN, type Column } from '../utils/columns.ts';
import { rowKey } from '../utils/row-selection.ts';
import { markFirstRowsPainted } from '../utils/search-marks.ts';
import type { SortState } from '../utils/sort-rows.ts';
import { ResultRow } from './result-row.tsx';
import { ResultsHead } from './results-head.tsx';
import classes from './results-table.module.css';

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 37;
const SELECT_WIDTH = 40;

interface ResultsTableProps {
  rows: readonly SearchRow[];
  columns: readonly Column[];
  widths: Readonly<Record<string, number>>;
  onResize: (id: string, width: number) => void;
  sort: SortState | null;
  onSort: (column: string) => void;
  selection: RowSelection;
  /** The id of the text telling how the keys work. */
  describedBy?: string;
}

/**
 * The result as an ARIA grid, virtualised: only the rows in view are in the page, so 100 000 rows
 * scroll like 100. One tab stop; arrows, Page Up/Down and Home/End move the active row, Space
 * selects it, Enter opens its DID page. With Shift, a move, Space or a click on a row's box
 * selects the range from the anchor (the row last clicked or toggled; else where the move
 * started) to that row, in the order shown (row-selection.ts). Ctrl+A (⌘A) selects every row,
 * Escape clears the selection (and is left to the page when nothing is selected).
 */
export function ResultsTable(props: ResultsTableProps) {
  const { rows, columns, widths, onResize, sort, onSort, selection, describedBy } = props;
  const { selected } = selection;
  const grid = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const idPrefix = useId();
  const [active, setActive] = useState(0);
  // The virtualiser re-renders this component on scroll itself; the memoised rows and header get
  // plain values from it, never the virtualiser.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => grid.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the view on each side: enough for keyboard steps and a wheel notch, while
    // a fast scroll (every row new each frame) renders little more than what is seen.
    overscan: 4,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  // The search's first rows on screen, a User Timing mark the benchmark reads (search-marks.ts).
  const hasRows = rows.length > 0;
  useEffect(() => (hasRows ? markFirstRowsPainted() : undefined), [hasRows]);
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

  const onCheck = useCallback(
    (index: number, checked: boolean, extend: boolean) => {
      setActive(index);
      if (extend) selection.extend(index);
      else selection.toggle(index, checked);
      grid.current?.focus({ preventScroll: true });
    },
    [selection],
  );
  const moveTo = (index: number, extend: boolean) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // A plain move leaves the anchor where it was, as a click or Space set it (file managers
    // do the same with Ctrl held): Shift+Space or a shift-click there selects the rows between.
    if (extend) selection.extend(next, current);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const row = rows[current];
    // Read here, not while rendering: a render on every scroll frame need not ask for layout.
    const page = Math.max(
      1,
      Math.floor(((grid.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    const selectAllKeys = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a';
    if (selectAllKeys) selection.all(true);
    else if (event.key === 'Escape' && selected.size > 0) selection.all(false);
    else if (target !== undefined) moveTo(target, event.shiftKey);
    else if (event.key === ' ' && event.shiftKey) selection.extend(current, current);
    else if (event.key === ' ' && row) selection.toggle(current, !selected.has(rowKey(row)));
    else if (event.key === 'Enter' && row) void navigate(didPath(row));
    else return;
    event.preventDefault();
  };
  // A plain click on a row's name opens its DID page in the app; with a modifier key or another
  // button the browser does what it does with any link (new tab, window, download).
  const onLinkClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    const link = (event.target as Element).closest('a[data-did-link]');
    const href = link?.getAttribute('href');
    if (!href) return;
    event.preventDefault();
    void navigate(href);
  };
  // A press on a row's box or name leaves the focus on the grid: its keys go on from that row, no
  // focus stays on a node that a scroll may give to another row, and Shift+click selects no text.
  const onRowPress = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest('[data-row-press]')) event.preventDefault();
  };
  const items = virtualizer.getVirtualItems();

  return (
    <div
      ref={grid}
      role="grid"
      aria-label="Search results"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 2}
      aria-multiselectable
      aria-keyshortcuts="Control+A Meta+A Escape"
      aria-activedescendant={rows.length > 0 ? rowId(current) : undefined}
      aria-describedby={describedBy}
      tabIndex={0}
      className={classes.grid}
      onKeyDown={onKeyDown}
      onClick={onLinkClick}
      onMouseDown={onRowPress}
    >
      <ResultsHead
        columns={columns}
        widths={widths}
        template={template}
        width={totalWidth}
        sort={sort}
        onSort={onSort}
        onResize={onResize}
        allSelected={allSelected}
        someSelected={selected.size > 0 && !allSelected}
        onSelectAll={selection.all}
      />
      <div
        role="rowgroup"
        className={classes.body}
        style={{ height: virtualizer.getTotalSize(), width: totalWidth }}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const key = rowKey(row);
          return (
            <ResultRow
              // The window is a run of consecutive rows, so index mod its length is unique in it,
              // and a row that comes into view reuses the slot (the nodes) of the one that left.
              key={item.index % items.length}
              row={row}
              id={rowId(item.index)}
              index={item.index}
              start={item.start}
              height={ROW_HEIGHT}
              columns={columns}
              template={template}
              width={totalWidth}
              selected={selected.has(key)}
              active={item.index === current}
              onCheck={onCheck}
            />
          );
        })}
      </div>
    </div>
  );
}
