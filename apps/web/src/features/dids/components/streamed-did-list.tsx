import { EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { useMemo } from 'react';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import type { DidRef } from '@/lib/did-url.ts';
import { plural } from '@/lib/format.ts';
import { useDidListing, type Listing } from '../api/get-did-listing.ts';
import type { DidListingRow, DidSummary } from '../types.ts';
import { DidList } from './did-list.tsx';

const WORDS = {
  contents: { label: 'Contents', one: 'item', empty: 'This collection is empty' },
  parents: { label: 'Parents', one: 'parent', empty: 'Not attached to any collection' },
} as const;

/**
 * A DID's contents or parents as they stream in: the rows so far in a virtualised list, and a
 * live count that says when the listing is complete. A broken stream keeps the rows it showed and
 * says the listing is incomplete.
 */
export function StreamedDidList({ did, listing }: { did: DidRef; listing: Listing }) {
  const query = useDidListing(did, listing);
  const words = WORDS[listing];
  const rows = useMemo<(DidSummary | DidListingRow)[]>(
    () => query.data?.batches.flat() ?? [],
    [query.data],
  );
  const streaming = query.fetchStatus === 'fetching' && !query.data?.complete;
  const count = query.data?.count ?? 0;
  const label = `${words.label} of ${did.scope}:${did.name}`;
  if (query.isPending && count === 0)
    return <LoadingRows label={`Loading ${words.label.toLowerCase()}`} rows={5} height={40} />;
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-live="polite" data-testid={`${listing}-count`}>
        {streaming && <Loader size="xs" aria-hidden />}
        <Text size="sm" c="dimmed">
          {streaming ? `${plural(count, words.one)} so far…` : plural(count, words.one)}
        </Text>
      </Group>
      {query.isError && (
        <QueryError
          title={count ? `The ${listing} listing is incomplete` : `Could not list the ${listing}`}
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
        />
      )}
      {rows.length > 0 && (
        <DidList rows={rows} label={label} parentName={did.name} scope={did.scope} />
      )}
      {query.isSuccess && query.data.complete && count === 0 && (
        <EmptyState
          icon={<IconFolderOpen size={28} aria-hidden />}
          withIndicatorBackground
          title={words.empty}
          description={
            listing === 'contents'
              ? 'Rucio lists nothing attached to it.'
              : 'No dataset or container in Rucio contains it.'
          }
        />
      )}
    </Stack>
  );
}
