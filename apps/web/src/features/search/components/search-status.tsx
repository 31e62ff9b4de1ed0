import { Button, Group, Loader, Progress, Text } from '@mantine/core';
import { IconPlayerStop, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Notice } from '@/components/notice.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { formatCount, plural } from '@/lib/format.ts';
import type { SearchResults } from '../hooks/use-search-results.ts';

interface SearchStatusProps {
  search: SearchResults;
  /** Export links, offered when the result is capped. */
  exports: ReactNode;
}

/** The live count while rows stream, and what the result is when they stop: never "complete" unless it is. */
export function SearchStatus({ search, exports }: SearchStatusProps) {
  const { status, result, error } = search;
  const count = formatCount(result.count);
  const progress = result.progress;
  return (
    <>
      <Group gap="sm" aria-live="polite" data-testid="search-count" wrap="wrap">
        {status === 'streaming' && <Loader size="xs" aria-hidden />}
        <Text size="sm" fw={500}>
          {status === 'streaming'
            ? `${count} results so far…`
            : status === 'complete'
              ? `${plural(result.count, 'result')} — complete`
              : plural(result.count, 'result')}
        </Text>
        {status === 'streaming' && progress && (
          <Text size="xs" c="dimmed">
            Rucio matched {formatCount(progress.matched)}
            {progress.scopesDone.length > 0 && ` · done: ${progress.scopesDone.join(', ')}`}
          </Text>
        )}
        {status === 'streaming' && (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconPlayerStop size={14} aria-hidden />}
            onClick={search.cancel}
          >
            Cancel
          </Button>
        )}
      </Group>
      {status === 'streaming' && (
        <Progress value={100} animated striped size="xs" aria-label="Search in progress" />
      )}
      {status === 'capped' && (
        <Notice kind="info" title="Only part of the result is shown">
          <Text size="sm">
            The result has more than {formatCount(result.end?.cap ?? result.count)} rows, more than
            the browser should hold: these are the first {count}. Export the whole result, or refine
            the query.
          </Text>
          <Group mt="xs">{exports}</Group>
        </Notice>
      )}
      {status === 'incomplete' && (
        <Notice
          kind="error"
          title={result.count === 0 ? 'The search failed' : 'The result is incomplete'}
        >
          <Text size="sm">
            {result.count === 0 ? '' : `${count} rows arrived before the search stopped: `}
            {error?.message ?? 'the stream ended without its closing line.'}
          </Text>
          {problemsOf(error).map((p) => (
            <Text key={p} size="sm">
              {p}
            </Text>
          ))}
          {isApiError(error) && error.requestId && (
            <Text size="xs" c="dimmed">
              Request id: <code>{error.requestId}</code>
            </Text>
          )}
          <RunAgain onClick={search.rerun} />
        </Notice>
      )}
      {status === 'cancelled' && (
        <Notice kind="info" title="Search cancelled — the result is incomplete">
          <Text size="sm">{count} rows arrived before you cancelled.</Text>
          <RunAgain onClick={search.rerun} />
        </Notice>
      )}
    </>
  );
}

/** A refused query's problems (400 details.problems), each naming its field. */
function problemsOf(error: Error | null): string[] {
  if (!isApiError(error)) return [];
  const details = error.details as
    { problems?: { field?: unknown; message?: unknown }[] } | undefined;
  return (details?.problems ?? []).map((p) => `${String(p.field)}: ${String(p.message)}`);
}

function RunAgain({ onClick }: { onClick: () => void }) {
  return (
    <Button
      mt="xs"
      size="xs"
      variant="light"
      leftSection={<IconRefresh size={14} aria-hidden />}
      onClick={onClick}
    >
      Run again
    </Button>
  );
}
