import type { Me } from '@bdms/contract';
import { Avatar, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useSignOut } from '../api/sign-out.ts';
import { AccountLine } from './account-line.tsx';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

interface UserSummaryProps {
  me: Me;
  /** Replaces the plain "Rucio account: …" line (the shell puts the account picker there). */
  account?: ReactNode;
}

/** Who is signed in and as which Rucio account — what every Rucio call is made as. */
export function UserSummary({ me, account }: UserSummaryProps) {
  const signOut = useSignOut();
  const displayName = me.name ?? me.username;
  return (
    <Group gap="sm" wrap="nowrap" aria-label="Signed-in user" role="group">
      <Avatar color="blue" radius="xl" size="md" aria-hidden>
        {initials(displayName)}
      </Avatar>
      {/* Narrow screens keep only the initials; the header has no room for more. */}
      <Stack gap={0} visibleFrom="sm">
        <Text size="sm" fw={600} lh={1.2}>
          {displayName}
        </Text>
        {account ?? <AccountLine account={me.account} />}
      </Stack>
      {me.isAdmin && (
        <Badge
          color="grape"
          variant="light"
          title="Member of the portal's admin group"
          style={{ flexShrink: 0 }}
        >
          Admin
        </Badge>
      )}
      <Tooltip
        label={`Sign-out failed: ${signOut.error?.message ?? ''}`}
        opened={signOut.isError}
        color="red"
        withArrow
      >
        <Button
          variant="default"
          size="xs"
          aria-label="Sign out"
          leftSection={<IconLogout size={16} aria-hidden />}
          loading={signOut.isPending}
          onClick={() => {
            signOut.mutate();
          }}
        >
          <Text span inherit visibleFrom="sm">
            Sign out
          </Text>
        </Button>
      </Tooltip>
    </Group>
  );
}
