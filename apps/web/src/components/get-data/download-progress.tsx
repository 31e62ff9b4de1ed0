import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { formatBytes, formatCount, plural } from '@/lib/format.ts';
import type { DownloadState } from './use-stream-download.ts';

/** What a download has done so far, in words: "3 files, 12.4 kB" or "1.2 MB of 3.4 MB (35 %)". */
export function progressText(
  state: Extract<DownloadState, { phase: 'running' }>,
  expectedFiles: number | null,
): string {
  const p = state.progress;
  if (!p) return 'Waiting for the portal…';
  const bytes =
    p.total === null
      ? formatBytes(p.received)
      : `${formatBytes(p.received)} of ${formatBytes(p.total)} (${String(Math.floor((100 * p.received) / p.total))} %)`;
  if (p.files === 0 && p.total !== null) return bytes;
  const files =
    expectedFiles === null
      ? plural(p.files, 'file')
      : `${plural(p.files, 'file')} of up to ${formatCount(expectedFiles)}`;
  return `${files} listed, ${bytes}`;
}

/**
 * A download's state under the buttons that start it: a progress bar (exact when the size is
 * known, else by files of those expected, else moving), what came so far, and Cancel; then what
 * happened, in a status region screen readers announce.
 */
export function DownloadProgressView({
  state,
  expectedFiles,
  onCancel,
}: {
  state: DownloadState;
  expectedFiles: number | null;
  onCancel: () => void;
}) {
  if (state.phase === 'idle') return <Text size="xs" role="status" />;
  if (state.phase !== 'running')
    return (
      <Text size="sm" role="status" c={state.phase === 'failed' ? 'red' : 'dimmed'}>
        {state.phase === 'done' &&
          (state.saved
            ? `${state.what}: saved as ${state.saved}.`
            : `${state.what}: handed to the browser's downloads (too big to hold in the page).`)}
        {state.phase === 'cancelled' && `${state.what}: cancelled.`}
        {state.phase === 'failed' && `${state.what} failed: ${state.message}`}
      </Text>
    );
  const p = state.progress;
  const fraction =
    p?.total != null && p.total > 0
      ? p.received / p.total
      : p && expectedFiles
        ? Math.min(1, p.files / expectedFiles)
        : null;
  const text = progressText(state, expectedFiles);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Progress.Root style={{ flex: 1 }} size="md">
          <Progress.Section
            value={fraction === null ? 100 : Math.round(fraction * 100)}
            animated={fraction === null}
            striped={fraction === null}
            aria-label={`${state.what} progress`}
            aria-valuetext={text}
          />
        </Progress.Root>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconX size={14} aria-hidden />}
          onClick={onCancel}
        >
          Cancel
        </Button>
      </Group>
      <Text size="xs" c="dimmed" role="status">
        {state.what}: {text}
      </Text>
    </Stack>
  );
}
