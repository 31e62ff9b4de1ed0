import { Badge, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'react-router';
import { didPath } from '@/lib/did-url.ts';
import { formatBytes, plural } from '@/lib/format.ts';
import { TYPE_LABEL, type DidSummary } from '../types.ts';
import { relativeName } from '../utils/did-trail.ts';
import classes from './did-list.module.css';
import { DidTypeIcon } from './did-type-icon.tsx';

const ROW_HEIGHT = 44;

/** A row, with its file count when the listing has one (contents do, parents and roots not). */
type Row = DidSummary & { length?: number | null };

/** Files: their size. Collections: how many files and how big, as far as Rucio knows. */
function sizeText(did: Row): string {
  if (did.type === 'FILE') return formatBytes(did.bytes);
  const parts = [
    typeof did.length === 'number' ? plural(did.length, 'file') : null,
    did.bytes === null ? null : formatBytes(did.bytes),
  ];
  return parts.filter(Boolean).join(' · ');
}

interface DidListProps {
  rows: readonly Row[];
  /** Accessible name of the list, e.g. "Contents of …". */
  label: string;
  /** Names below this one are shown relative to it. */
  parentName?: string;
  /** Rows of another scope carry a scope badge. */
  scope?: string;
  /** Rows that fit before the list scrolls by itself. */
  maxVisibleRows?: number;
}

/**
 * DIDs as links, virtualised: only the rows in view (plus a few) are in the DOM, so a dataset of
 * 100 000 files scrolls as smoothly as one of ten. Each row says its position in the whole list.
 */
export function DidList({ rows, label, parentName, scope, maxVisibleRows = 12 }: DidListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  // The virtualiser re-renders this component on scroll itself; no memoised child reads it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const height = Math.min(rows.length, maxVisibleRows) * ROW_HEIGHT + 2;
  return (
    <div ref={viewport} className={classes.viewport} style={{ height }}>
      <div
        role="list"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const did = rows[item.index];
          if (!did) return null;
          const shown = relativeName(did.name, parentName);
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className={classes.slot}
              style={{ top: item.start, height: item.size }}
            >
              <Link to={didPath(did)} className={classes.row} title={`${did.scope}:${did.name}`}>
                <DidTypeIcon type={did.type} />
                <span className={classes.name}>{shown}</span>
                {did.scope !== scope && (
                  <Badge variant="outline" size="sm" color="gray">
                    {did.scope}
                  </Badge>
                )}
                <Badge variant="light" size="sm" color={did.type === 'FILE' ? 'gray' : 'blue'}>
                  {TYPE_LABEL[did.type]}
                </Badge>
                <Text component="span" size="sm" c="dimmed" className={classes.size}>
                  {sizeText(did)}
                </Text>
              </Link>
            </div>
          );
        })}
      </div>
    </div>
  );
}
