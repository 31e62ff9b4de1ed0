import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampWidth, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../utils/columns.ts';
import type { SortState } from '../utils/sort-rows.ts';
import classes from './results-table.module.css';

const STEP = 16;

interface ColumnHeaderProps {
  id: string;
  label: string;
  unit?: string | undefined;
  width: number;
  sort: SortState | null;
  onSort: () => void;
  onResize: (width: number) => void;
}

/** A sortable column title with a resize handle (drag, or arrow keys on the focused handle). */
export function ColumnHeader({
  id,
  label,
  unit,
  width,
  sort,
  onSort,
  onResize,
}: ColumnHeaderProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const direction = sort?.column === id ? sort.direction : undefined;
  const Icon =
    direction === 'ascending'
      ? IconArrowUp
      : direction === 'descending'
        ? IconArrowDown
        : IconArrowsSort;
  const title = unit ? `${label} (${unit})` : label;
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(clampWidth(drag.current.width + event.clientX - drag.current.x));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowLeft') onResize(clampWidth(width - STEP));
    else if (event.key === 'ArrowRight') onResize(clampWidth(width + STEP));
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div role="columnheader" aria-sort={direction ?? 'none'} className={classes.header}>
      <button
        type="button"
        className={classes.sortButton}
        onClick={onSort}
        title={`Sort by ${title}`}
      >
        {title} <Icon size={12} aria-hidden style={{ opacity: direction ? 1 : 0.4 }} />
      </button>
      {/* A focusable separator is WAI-ARIA's window splitter: an interactive widget, which
          jsx-a11y does not know. */}
      {/* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${label} column`}
        aria-valuenow={width}
        aria-valuemin={MIN_COLUMN_WIDTH}
        aria-valuemax={MAX_COLUMN_WIDTH}
        tabIndex={0}
        className={classes.resizer}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={onKeyDown}
      />
      {/* eslint-enable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */}
    </div>
  );
}
