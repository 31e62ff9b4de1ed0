import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { Button, EmptyState, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconCopy, IconSearchOff } from '@tabler/icons-react';
import { lazy, Suspense, useDeferredValue, useId, useMemo } from 'react';
import { plural } from '@/lib/format.ts';
import { useRowSelection } from '../hooks/use-row-selection.ts';
import type { SearchResults } from '../hooks/use-search-results.ts';
import { useTableView } from '../hooks/use-table-view.ts';
import { columnById, NAME_COLUMN, type Column } from '../utils/columns.ts';
import { Link } from 'react-router';
import { rowKey } from '../utils/row-selection.ts';
import { ruleRequestPath } from '@/lib/rule-url.ts';
import { selectionMapPath } from '@/lib/replica-url.ts';
import { DidAction } from '@/components/did-actions.tsx';

/** A rule request names at most this many DIDs (the BFF's limit). */
const RULE_REQUEST_MAX = 100;
/** One add to the basket names at most this many DIDs (the BFF's limit). */
const BASKET_ADD_MAX = 1000;
import { sortRows } from '../utils/sort-rows.ts';
import { ColumnChooser } from './column-chooser.tsx';
import { ExportLinks } from './export-links.tsx';
import { FacetsPanel } from './facets-panel.tsx';
import { ResultsTable } from './results-table.tsx';
import { SearchStatus } from './search-status.tsx';

/** Scripts for the selection or the result: its own chunk, after the page (the budget is full). */
const ScriptsButton = lazy(async () => ({
  default: (await import('./scripts-button.tsx')).ScriptsButton,
}));

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
  const view = useTableView();
  const { sort } = view;
  const hintId = useId();
  // One array per choice, so that the memoised rows are not all rendered again by a keystroke.
  const columns = useMemo(
    () => view.columns.map(columnById).filter((c): c is Column => c !== undefined),
    [view.columns],
  );
  // Sorting 100 000 rows takes a moment: the table keeps the previous order meanwhile. Not the
  // first rows, though: nothing is on screen yet, and deferring them costs a second, time-sliced
  // render before they are painted (the first batch is a single row).
  const deferred = useDeferredValue(search.rows);
  const rows = deferred.length === 0 ? search.rows : deferred;
  const sortColumn = sort?.column === 'name' ? nameColumn : columnById(sort?.column ?? '');
  const sorted = useMemo(() => sortRows(rows, sortColumn, sort), [rows, sortColumn, sort]);
  // Ranges follow the order on screen.
  const selection = useRowSelection(sorted);
  const { selected } = selection;
  const chosen = () => sorted.filter((r) => selected.has(rowKey(r)));
  const copySelected = () => {
    const lines = chosen().map(rowKey);
    void navigator.clipboard.writeText(lines.join('\n')).catch(() => undefined);
  };
  const { status, result } = search;
  const exports = <ExportLinks query={query} />;
  return (
    <Stack gap="sm">
      <SearchStatus search={search} exports={exports} />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <ColumnChooser visible={view.columns} onChange={view.chooseColumns} />
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
          {selected.size > 0 && selected.size <= RULE_REQUEST_MAX && (
            <Button
              size="xs"
              variant="light"
              component={Link}
              to={ruleRequestPath(chosen().map(({ scope, name }) => ({ scope, name })))}
            >
              Request a rule for {plural(selected.size, 'DID')}
            </Button>
          )}
          {selected.size > 0 && selected.size <= RULE_REQUEST_MAX && (
            <Button
              size="xs"
              variant="light"
              component={Link}
              to={selectionMapPath(chosen().map(({ scope, name }) => ({ scope, name })))}
            >
              Show {plural(selected.size, 'DID')} on the map
            </Button>
          )}
          {selected.size > 0 && selected.size <= BASKET_ADD_MAX && (
            <DidAction dids={chosen().map(({ scope, name }) => ({ scope, name }))} />
          )}
          {(selected.size > 0 || (status === 'complete' && result.count > 0)) && (
            <Suspense fallback={null}>
              <ScriptsButton
                whole={selected.size === 0}
                rows={() => (selected.size > 0 ? chosen() : [...sorted])}
              />
            </Suspense>
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
              widths={view.widths}
              onResize={view.resize}
              sort={sort}
              onSort={view.toggleSort}
              selection={selection}
              describedBy={hintId}
            />
            <Text size="xs" c="dimmed" id={hintId}>
              Arrow keys move through the rows, Space selects, Enter opens the DID. Shift with an
              arrow, Space or a click selects a range; Ctrl+A selects all, Escape clears.
            </Text>
            {/* A range changes rows out of view: the count tells a screen reader what happened. */}
            <VisuallyHidden role="status">{plural(selected.size, 'row')} selected</VisuallyHidden>
          </Stack>
        </Group>
      )}
    </Stack>
  );
}
