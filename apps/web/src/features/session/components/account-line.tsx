import { Text } from '@mantine/core';

/** The Rucio account the portal acts as, as plain text (nothing to choose, or nothing loaded). */
export function AccountLine({ account }: { account: string }) {
  return (
    <Text size="xs" c="dimmed" lh={1.2}>
      Rucio account: <span data-testid="rucio-account">{account}</span>
    </Text>
  );
}
