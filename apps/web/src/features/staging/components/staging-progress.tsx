import type { ApiResponse } from '@bdms/contract';
import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { formatInstant, plural } from '@/lib/format.ts';
import { STAGING_POLL_MS } from '../api/staging.ts';
import { PROGRESS_COLOR, PROGRESS_LABEL } from '../utils/staging-words.ts';

type Status = ApiResponse<'stagingStatus'>;

/** The newest staging rule: its state, its locks (OK / replicating / stuck) and when it ends. */
export function StagingProgress({ status }: { status: Status }) {
  const rule = status.rules[0];
  if (!rule) return null;
  const { ok, replicating, stuck } = rule.locks;
  const total = ok + replicating + stuck;
  const percent = total > 0 ? Math.round((100 * ok) / total) : 0;
  const polling = status.progress === 'replicating' || status.progress === 'stuck';
  return (
    <Stack gap={6} aria-label="Staging progress" role="group">
      <Group gap="xs" wrap="wrap">
        <Badge color={PROGRESS_COLOR[status.progress]} variant="dot">
          {PROGRESS_LABEL[status.progress]}
        </Badge>
        <Text size="sm">
          Rule <code>{rule.id.slice(0, 8)}</code> for {rule.account} on {rule.rseExpression}: Rucio
          says {rule.state}
        </Text>
      </Group>
      <Progress
        value={percent}
        color={stuck > 0 ? 'red' : 'teal'}
        aria-label={`Files staged: ${String(ok)} of ${String(total)}`}
        animated={status.progress === 'replicating'}
      />
      <Text size="sm">
        Locks: {plural(ok, 'OK', 'OK')} · {plural(replicating, 'replicating', 'replicating')} ·{' '}
        {plural(stuck, 'stuck', 'stuck')}
        {rule.expiresAt && ` · kept on disk until ${formatInstant(rule.expiresAt)}`}
      </Text>
      {status.progress === 'stuck' && rule.error && (
        <Text size="sm" c="red">
          Rucio: {rule.error} (the transfers are retried)
        </Text>
      )}
      {status.progress === 'waiting_approval' && (
        <Text size="sm">
          An administrator has to approve the rule before Rucio copies anything.
        </Text>
      )}
      {polling && (
        <Text size="xs" c="dimmed">
          Checked every {String(STAGING_POLL_MS / 1000)} s; last {formatInstant(status.fetchedAt)}.
        </Text>
      )}
    </Stack>
  );
}
