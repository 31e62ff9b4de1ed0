import { Anchor, Breadcrumbs, EmptyState, Stack, Title } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title.ts';

/** /scopes/:scope — the DID browser will live here; until then, say so. */
export function ScopeDetailPage() {
  const scope = useParams().scope ?? '';
  usePageTitle(`Scope ${scope}`);
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label="Breadcrumb">
        <Anchor component={Link} to="/scopes">
          Scopes
        </Anchor>
        <span aria-current="page">{scope}</span>
      </Breadcrumbs>
      <Title order={1}>Scope {scope}</Title>
      <EmptyState
        icon={<IconHourglass size={28} aria-hidden />}
        withIndicatorBackground
        title="Browsing inside a scope is coming soon"
        description="The containers, datasets and files of this scope will be listed here."
      />
    </Stack>
  );
}
