import { Button, Drawer, Skeleton, Stack, Text } from '@mantine/core';
import { IconBookmarks } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '@/components/query-error.tsx';
import { useSavedSearches } from '../api/saved-searches.ts';
import { SavedItem } from './saved-search-item.tsx';

function SavedList({ onOpen }: { onOpen: () => void }) {
  const saved = useSavedSearches();
  if (saved.isPending) {
    return (
      <Stack role="status" aria-label="Loading saved searches" gap="xs">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={96} radius="md" />
        ))}
      </Stack>
    );
  }
  if (saved.isError) {
    return (
      <QueryError
        title="Could not list your saved searches"
        error={saved.error}
        retrying={saved.isFetching}
        onRetry={() => void saved.refetch()}
      />
    );
  }
  const items = saved.data.savedSearches;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No saved searches yet. Run a search, then “Save search”.
      </Text>
    );
  }
  return (
    <Stack
      component="ul"
      gap="xs"
      aria-label="Saved searches"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {items.map((item) => (
        <SavedItem key={item.id} saved={item} onOpen={onOpen} />
      ))}
    </Stack>
  );
}

/** The user's saved searches in a side drawer: run, rename, delete. */
export function SavedSearchesDrawer() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="default"
        leftSection={<IconBookmarks size={16} aria-hidden />}
        onClick={() => {
          setOpened(true);
        }}
      >
        Saved searches
      </Button>
      <Drawer
        opened={opened}
        onClose={() => {
          setOpened(false);
        }}
        position="right"
        title="Saved searches"
        closeButtonProps={{ 'aria-label': 'Close saved searches' }}
      >
        {opened && (
          <SavedList
            onOpen={() => {
              setOpened(false);
            }}
          />
        )}
      </Drawer>
    </>
  );
}
