import {
  Button,
  CloseButton,
  EmptyState,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFolderOff, IconSearch } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error.tsx';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useScopes } from '../api/get-scopes.ts';
import { filterScopes } from '../utils/filter-scopes.ts';
import { ScopeList } from './scope-list.tsx';
import { ScopeListSkeleton } from './scope-list-skeleton.tsx';

const FILTER_PARAM = 'filter';

const plural = (n: number) => `${n} ${n === 1 ? 'scope' : 'scopes'}`;

function ScopesBody({
  scopes,
  filter,
  onClear,
}: {
  scopes: string[];
  filter: string;
  onClear: () => void;
}) {
  if (scopes.length === 0) {
    return (
      <EmptyState
        icon={<IconFolderOff size={28} aria-hidden />}
        withIndicatorBackground
        title="No scopes"
        description="Rucio lists no scopes for your account yet. Scopes are created by the Rucio administrators of your data centre; ask them if you expected to see some here."
      />
    );
  }
  const shown = filterScopes(scopes, filter);
  if (shown.length === 0) {
    return (
      <EmptyState
        icon={<IconSearch size={28} aria-hidden />}
        withIndicatorBackground
        title="No scopes match this filter"
        description={`None of your ${plural(scopes.length)} contains “${filter.trim()}”.`}
      >
        <EmptyState.Actions>
          <Button variant="light" onClick={onClear}>
            Show all scopes
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return <ScopeList scopes={shown} />;
}

function countText(total: number, shown: number): string {
  return shown === total ? plural(total) : `${shown} of ${plural(total)}`;
}

/** /scopes: every scope Rucio lists for the signed-in account; the filter lives in the URL. */
export function ScopesPage() {
  usePageTitle('Scopes');
  const scopes = useScopes();
  const [params, setParams] = useSearchParams();
  const filter = params.get(FILTER_PARAM) ?? '';
  const setFilter = (value: string) => {
    setParams(value ? { [FILTER_PARAM]: value } : {}, { replace: true });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>Scopes</Title>
          <Text c="dimmed" size="sm" aria-live="polite" data-testid="scope-count">
            {scopes.data
              ? countText(scopes.data.length, filterScopes(scopes.data, filter).length)
              : ' '}
          </Text>
        </div>
        <TextInput
          label="Filter scopes"
          placeholder="e.g. ctao"
          value={filter}
          onChange={(event) => {
            setFilter(event.currentTarget.value);
          }}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            filter ? (
              <CloseButton
                aria-label="Clear filter"
                size="sm"
                onClick={() => {
                  setFilter('');
                }}
              />
            ) : null
          }
          w={{ base: '100%', xs: 280 }}
        />
      </Group>
      {scopes.isPending && <ScopeListSkeleton />}
      {scopes.isError && (
        <QueryError
          title="Could not load scopes"
          error={scopes.error}
          retrying={scopes.isFetching}
          onRetry={() => void scopes.refetch()}
        />
      )}
      {scopes.data && (
        <ScopesBody
          scopes={scopes.data}
          filter={filter}
          onClear={() => {
            setFilter('');
          }}
        />
      )}
    </Stack>
  );
}
