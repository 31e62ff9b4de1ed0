import { Box, Group, Text } from '@mantine/core';

interface Locks {
  ok: number;
  replicating: number;
  stuck: number;
}

const PARTS = [
  { key: 'ok', color: 'var(--mantine-color-teal-filled)' },
  { key: 'replicating', color: 'var(--mantine-color-blue-filled)' },
  { key: 'stuck', color: 'var(--mantine-color-red-filled)' },
] as const;

export const describeLocks = ({ ok, replicating, stuck }: Locks): string =>
  `${ok} OK, ${replicating} replicating, ${stuck} stuck`;

/**
 * A rule's locks as one bar (OK / replicating / stuck), read out as a progress bar: its value is
 * the locks done out of all of them, its name says every count.
 */
export function LockProgress({ locks, label }: { locks: Locks; label?: string }) {
  const total = locks.ok + locks.replicating + locks.stuck;
  const name = `${label ? `${label}: ` : ''}locks ${describeLocks(locks)}`;
  return (
    <Group gap="xs" wrap="nowrap" miw={180}>
      <Box
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={locks.ok}
        h={8}
        flex={1}
        style={{
          display: 'flex',
          overflow: 'hidden',
          borderRadius: 4,
          background: 'var(--mantine-color-default-border)',
        }}
      >
        {total > 0 &&
          PARTS.map(({ key, color }) =>
            locks[key] > 0 ? (
              <span
                key={key}
                data-part={key}
                style={{ width: `${(100 * locks[key]) / total}%`, background: color }}
              />
            ) : null,
          )}
      </Box>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} aria-hidden>
        {locks.ok}/{total}
        {locks.stuck > 0 ? ` · ${locks.stuck} stuck` : ''}
      </Text>
    </Group>
  );
}
