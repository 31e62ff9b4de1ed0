import { Button, EmptyState } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title.ts';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <EmptyState
      py="xl"
      icon={<IconMapSearch size={28} aria-hidden />}
      withIndicatorBackground
      title={<h1 style={{ margin: 0, font: 'inherit' }}>Page not found</h1>}
      description="There is no page at this address. It may have moved, or the link may be mistyped."
    >
      <EmptyState.Actions>
        <Button component={Link} to="/scopes">
          Go to scopes
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
