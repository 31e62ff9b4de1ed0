import { Anchor, Breadcrumbs, EmptyState, Stack, Text, Title } from '@mantine/core';
import { IconFolderOff } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { plural } from '@/lib/format.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useScopeRoots } from '../api/get-scope-roots.ts';
import { DidList } from './did-list.tsx';

/** /scopes/:scope — where browsing starts: the scope's top collections, each opening its DID page. */
export function ScopeBrowsePage() {
  const scope = useParams().scope ?? '';
  usePageTitle(`Scope ${scope}`);
  const roots = useScopeRoots(scope);
  return (
    <Stack gap="lg">
      <nav aria-label="Breadcrumb">
        <Breadcrumbs>
          <Anchor component={Link} to="/scopes">
            Scopes
          </Anchor>
          <span aria-current="page">{scope}</span>
        </Breadcrumbs>
      </nav>
      <div>
        <Title order={1}>Scope {scope}</Title>
        <Text c="dimmed" size="sm" aria-live="polite">
          {roots.data ? plural(roots.data.roots.length, 'top-level collection') : ' '}
        </Text>
      </div>
      {roots.isPending && <LoadingRows label="Loading the scope" rows={3} height={40} />}
      {roots.isError && (
        <QueryError
          title="Could not list the scope"
          error={roots.error}
          retrying={roots.isFetching}
          onRetry={() => void roots.refetch()}
        />
      )}
      {roots.data?.roots.length === 0 && (
        <EmptyState
          icon={<IconFolderOff size={28} aria-hidden />}
          withIndicatorBackground
          title="No datasets or containers"
          description={`Rucio lists no collections in the scope ${scope}.`}
        />
      )}
      {roots.data && roots.data.roots.length > 0 && (
        <DidList rows={roots.data.roots} label={`Collections of scope ${scope}`} scope={scope} />
      )}
    </Stack>
  );
}
