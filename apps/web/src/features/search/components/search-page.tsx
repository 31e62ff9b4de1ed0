import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseSearch } from '@tabler/icons-react';
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title.ts';
import type { EditorMode } from '../hooks/use-query-editor.ts';
import { useRecordSavedRun } from '../hooks/use-record-saved-run.ts';
import { useSearchResults } from '../hooks/use-search-results.ts';
import { narrowQuery } from '../utils/facets.ts';
import {
  keepView,
  PARAM,
  readSearchParams,
  searchParamsFor,
  searchPart,
} from '../utils/url-query.ts';
import { QueryEditor } from './query-editor.tsx';

// The editor comes first; the result view (virtualised table, facets) and the tools (copy as,
// saved searches) load alongside the search's own stream, keeping the first load small.
const SearchResultsView = lazy(async () => ({
  default: (await import('./search-results.tsx')).SearchResultsView,
}));
const SearchTools = lazy(async () => ({
  default: (await import('./search-tools.tsx')).SearchTools,
}));

/**
 * /search: the query editor, then the streamed result. The URL holds the whole query, so a
 * search can be reloaded, shared and walked back and forth in the browser's history.
 */
export function SearchPage() {
  usePageTitle('Search');
  const [params, setParams] = useSearchParams();
  // The table's sort and widths live in the URL too; changing them is not a new search.
  const part = searchPart(params);
  const url = useMemo(() => readSearchParams(new URLSearchParams(part)), [part]);
  const query = url.state === 'ok' ? url.query : undefined;
  const search = useSearchResults(query);
  const textMode = params.get(PARAM.mode) === 'text';
  useRecordSavedRun(params.get(PARAM.saved), search.status, search.result.count);

  const run = (next: SearchQuery, mode: EditorMode = textMode ? 'text' : 'builder') => {
    const target = searchParamsFor(next, mode === 'text' ? { mode: 'text' } : {});
    if (searchPart(target) === part) search.rerun();
    else setParams(keepView(params, target));
  };
  return (
    <Stack p="md" gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Search</Title>
        <Suspense fallback={null}>
          <SearchTools query={query} />
        </Suspense>
      </Group>
      <QueryEditor key={part} url={url} textMode={textMode} onRun={run} />
      {query ? (
        <Suspense fallback={<Loader size="sm" aria-label="Loading the results view" />}>
          <SearchResultsView
            key={part}
            query={query}
            search={search}
            onNarrow={(key, value) => {
              run(narrowQuery(query, key, value));
            }}
          />
        </Suspense>
      ) : (
        <EmptyState
          icon={<IconDatabaseSearch size={28} aria-hidden />}
          withIndicatorBackground
          title={url.state === 'invalid' ? 'Fix the query to search' : 'Find data by its metadata'}
          description={
            <Text size="sm" c="dimmed" component="span">
              Choose scopes, then add conditions on the CTAO metadata (observation ID, site, data
              level, times…) or a cone around a sky position, and press Search.
            </Text>
          }
        />
      )}
    </Stack>
  );
}
