import { Skeleton, Stack } from '@mantine/core';

/** Placeholder rows shaped like the list or table to come, announced as loading `label`. */
export function LoadingRows({
  label,
  rows = 2,
  height = 36,
}: {
  label: string;
  rows?: number;
  height?: number;
}) {
  return (
    <Stack role="status" aria-label={label} gap={4}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} radius="sm" />
      ))}
    </Stack>
  );
}
