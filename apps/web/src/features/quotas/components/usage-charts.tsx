import { Box, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { formatBytes, formatCount, formatInstant } from '@/lib/format.ts';
import { STATUS_LOOK, formatShare, type UsageRow } from '../utils/usage-views.ts';
import { percent } from './quota-bits.tsx';

interface RseTotal {
  rse: string;
  usedBytes: number | null;
  files: number | null;
  freeBytes: number | null;
  totalBytes: number | null;
  updatedAt: string | null;
}

/**
 * Every RSE's used bytes as a bar: of its total when the storage reports one, else against the
 * fullest RSE (the bar's name says which). Figures in words beside it, for every reader.
 */
export function RseTotalsChart({ rses }: { rses: readonly RseTotal[] }) {
  const widest = Math.max(1, ...rses.map((r) => r.totalBytes ?? r.usedBytes ?? 0));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        RSE totals
      </Title>
      <Stack gap="xs" role="list" aria-label="RSE totals">
        {rses.map((r) => {
          const used = r.usedBytes ?? 0;
          const of = r.totalBytes ?? widest;
          const words = [
            `${formatBytes(r.usedBytes)} used`,
            r.freeBytes !== null ? `${formatBytes(r.freeBytes)} free` : null,
            r.totalBytes !== null ? `${formatBytes(r.totalBytes)} total` : 'total not reported',
            `${formatCount(r.files)} files`,
          ].filter(Boolean);
          return (
            <Box key={r.rse} role="listitem">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {r.rse}
                </Text>
                <Text
                  size="xs"
                  c="dimmed"
                  title={`Counted by Rucio at ${formatInstant(r.updatedAt)}`}
                >
                  {words.join(' · ')}
                </Text>
              </Group>
              <Progress
                value={percent(used / of)}
                size="md"
                aria-label={
                  r.totalBytes !== null
                    ? `${r.rse}: ${formatBytes(used)} of ${formatBytes(r.totalBytes)} used`
                    : `${r.rse}: ${formatBytes(used)} used (bar relative to the fullest RSE)`
                }
              />
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** The fullest account × RSE pairs against their local limit, as bars (over quota in red). */
export function FullestChart({ rows, top = 10 }: { rows: readonly UsageRow[]; top?: number }) {
  const fullest = rows
    .filter((r) => r.usedShare !== null)
    .sort((a, b) => (b.usedShare ?? 0) - (a.usedShare ?? 0))
    .slice(0, top);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        Closest to their limit
      </Title>
      {fullest.length === 0 ? (
        <Text size="sm" c="dimmed">
          No account has a finite local limit yet.
        </Text>
      ) : (
        <Stack gap="xs" role="list" aria-label="Closest to their limit">
          {fullest.map((r) => (
            <Box key={`${r.account} ${r.rse}`} role="listitem">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {r.account}{' '}
                  <Text span c="dimmed">
                    on
                  </Text>{' '}
                  {r.rse}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatBytes(r.usedBytes)} of {formatBytes(r.limitBytes)} ·{' '}
                  {formatShare(r.usedShare)}
                </Text>
              </Group>
              <Progress
                value={percent(r.usedShare ?? 0)}
                color={STATUS_LOOK[r.status].color}
                size="md"
                aria-label={`${r.account} on ${r.rse}: ${formatShare(r.usedShare)} of the limit`}
              />
            </Box>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
