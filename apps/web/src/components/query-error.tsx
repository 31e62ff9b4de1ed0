import { Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { isApiError } from '@/lib/api-client.ts';
import { Notice } from './notice.tsx';

interface QueryErrorProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed load: what the BFF said, its request id for support, and a way to try again. */
export function QueryError({ title, error, onRetry, retrying = false }: QueryErrorProps) {
  const message = error instanceof Error ? error.message : 'Something went wrong';
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Notice kind="error" title={title}>
      <Text size="sm">{message}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Request id: <code>{requestId}</code>
        </Text>
      )}
      <Group mt="sm">
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconRefresh size={14} aria-hidden />}
          loading={retrying}
          onClick={onRetry}
        >
          Retry
        </Button>
      </Group>
    </Notice>
  );
}
