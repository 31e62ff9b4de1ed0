import { Group, Loader, Text } from '@mantine/core';

const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/**
 * When the data on screen was fetched ("Updated 08:31:05", local time), for pages that refresh
 * themselves; a small spinner while a refresh is under way, so nothing else moves.
 */
export function UpdatedAt({
  at,
  refreshing,
  every,
}: {
  /** TanStack Query's dataUpdatedAt (ms); 0 = not yet. */
  at: number;
  refreshing: boolean;
  /** The refresh interval while it runs, said after the time. */
  every?: number | false;
}) {
  if (!at) return null;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed" data-testid="updated-at">
        Updated {clock.format(at)}
        {every ? ` · refreshes every ${Math.round(every / 1000)} s` : ''}
      </Text>
      {refreshing && <Loader size={10} aria-label="Refreshing" />}
    </Group>
  );
}
