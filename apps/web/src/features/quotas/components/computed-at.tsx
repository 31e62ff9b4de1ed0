import { Text } from '@mantine/core';
import { formatInstant } from '@/lib/format.ts';

/** When Rucio's abacus last changed the usage counters (the RSE usage records' updated_at). */
export function ComputedAtLine({ at }: { at: string | null | undefined }) {
  if (at === undefined) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="computed-at">
      Usage computed by Rucio at {at ? formatInstant(at) : '— (not counted yet)'}
    </Text>
  );
}
