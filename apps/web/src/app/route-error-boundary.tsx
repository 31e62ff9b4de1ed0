import { Button, Code, Container, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { Component, type ReactNode } from 'react';
import { isApiError } from '@/lib/api-client.ts';
import { browser } from '@/lib/browser.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';

function describe(error: unknown): { message: string; requestId?: string | undefined } {
  if (isApiError(error)) return { message: error.message, requestId: error.requestId };
  // A failed dynamic import usually means a new version was deployed: a reload fetches it.
  if (error instanceof Error) return { message: error.message };
  return { message: 'Unknown error' };
}

function RouteError({ error }: { error: unknown }) {
  usePageTitle('Something went wrong');
  const { message, requestId } = describe(error);
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>Something went wrong</Title>
        <Text>
          This page could not be shown. Reloading usually helps; if it does not, tell us what you
          were doing and quote the request id.
        </Text>
        <Text size="sm" c="dimmed">
          {message}
        </Text>
        {requestId && (
          <Text size="sm">
            Request id: <Code>{requestId}</Code>
          </Text>
        )}
        <Button
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => {
            browser.reload();
          }}
        >
          Reload
        </Button>
      </Stack>
    </Container>
  );
}

interface BoundaryState {
  failed: boolean;
  error: unknown;
}

/**
 * Catches what a page throws while rendering, including a page's code failing to download. Give
 * it `key={pathname}` where pages change, so that navigating elsewhere starts afresh.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false, error: undefined };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { failed: true, error };
  }

  override render(): ReactNode {
    return this.state.failed ? <RouteError error={this.state.error} /> : this.props.children;
  }
}
