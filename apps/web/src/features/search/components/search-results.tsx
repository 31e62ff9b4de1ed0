import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { Button, EmptyState, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconCopy, IconSearchOff } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import type { SearchResults } from '../hooks/use-search-results.ts';
import { columnById, DEFAULT_COLUMNS, type Column } from '../utils/columns.ts';
import { nextSort, sortRows, type SortState } from '../utils/sort-rows.ts';
import { ColumnChooser } from './column-chooser.tsx';
import { ExportLinks } from './export-links.tsx';
import { FacetsPanel } from './facets-panel.tsx';
import { NAME_COLUMN, ResultsTable, rowKey } from './results-table.tsx';
import { SearchStatus } from './search-status.tsx';

interface SearchResultsProps {
  query: SearchQuery;
  search: SearchResults;
  onNarrow: (key: string, value: string) => void;
}

const nameColumn: Column = {
  ...NAME_COLUMN,
  numeric: false,
  value: (r) => r.name,
  text: (r) => r.name,
};

function TableSkeleton() {
  return (
    <Stack role="status" aria-label="Loading results" gap={4}>
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} height={32} radius="sm" />
      ))}
    </Stack>
  );
}

/** The streamed result: status, facets, table, and what can be done with it. */
export function SearchResultsView({ query, search, onNarrow }: SearchResultsProps) {
  const [visible, setVisible] = useLocalStorage<string[]>({
    key: 'bdms.search.columns',
    defaultValue: [...DEFAULT_COLUMNS],
  });
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [sort, setSort] = useState<SortState | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const columns = visible.map(columnById).filter((c): c is Column => c !== undefined);
  // Sorting 100 000 rows takes a moment: the table keeps the previous order meanwhile. Not the
  // first rows, though: nothing is on screen yet, and deferring them costs a second, time-sliced
  // render before they are painted (the first batch is a single row).
  const deferred = useDeferredValue(search.rows);
  const rows = deferred.length === 0 ? search.rows : deferred;
  const sortColumn = sort?.column === 'name' ? nameColumn : columnById(sort?.column ?? '');
  const sorted = useMemo(() => sortRows(rows, sortColumn, sort), [rows, sortColumn, sort]);
  const select = (keys: string[], on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const key of keys)
        if (on) next.add(key);
        else next.delete(key);
      return next;
    });
  };
  const copySelected = () => {
    const lines = sorted.filter((r) => selected.has(rowKey(r))).map(rowKey);
    void navigator.clipboard.writeText(lines.join('\n')).catch(() => undefined);
  };
  const { status, result } = search;
  const exports = <ExportLinks query={query} />;
  return (
    <Stack gap="sm">
      <SearchStatus search={search} exports={exports} />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <ColumnChooser visible={visible} onChange={setVisible} />
          {selected.size > 0 && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCopy size={14} aria-hidden />}
              onClick={copySelected}
            >
              Copy {selected.size} selected DIDs
            </Button>
          )}
        </Group>
        {exports}
      </Group>
      {status === 'complete' && result.count === 0 ? (
        <EmptyState
          icon={<IconSearchOff size={28} aria-hidden />}
          withIndicatorBackground
          title="No DIDs match"
          description="Rucio found nothing for this query. Widen a range, drop a condition, or check the DID type and scopes."
        />
      ) : status === 'streaming' && result.count === 0 ? (
        <TableSkeleton />
      ) : (
        <Group align="flex-start" wrap="nowrap" gap="md">
          <FacetsPanel
            facets={result.facets}
            streaming={status === 'streaming'}
            onNarrow={onNarrow}
          />
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <ResultsTable
              rows={sorted}
              columns={columns}
              widths={widths}
              onResize={(id, width) => {
                setWidths((w) => ({ ...w, [id]: width }));
              }}
              sort={sort}
              onSort={(column) => {
                setSort((s) => nextSort(s, column));
              }}
              selected={selected}
              onSelect={select}
            />
            <Text size="xs" c="dimmed">
              Arrow keys move through the rows, Space selects, Enter opens the DID.
            </Text>
          </Stack>
        </Group>
      )}
    </Stack>
  );
}
