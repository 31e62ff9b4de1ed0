import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { Group } from '@mantine/core';
import { CopyAsButtons } from './copy-as-buttons.tsx';
import { SavedSearchesDrawer } from './saved-searches-drawer.tsx';
import { SaveSearchButton } from './save-search-button.tsx';

/** What can be done with the query besides running it; loaded after the editor. */
export function SearchTools({ query }: { query: SearchQuery | undefined }) {
  return (
    <Group gap="xs" wrap="wrap">
      {query && <CopyAsButtons query={query} />}
      <SaveSearchButton query={query} />
      <SavedSearchesDrawer />
    </Group>
  );
}
