import { ActionIcon, Group, Skeleton, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useMyAccounts } from '../api/get-my-accounts.ts';
import { AccountLine } from './account-line.tsx';

const AccountMenu = lazy(async () => ({
  default: (await import('./account-menu.tsx')).AccountMenu,
}));

/** The list could not be loaded: the account from /api/me still shows, with a way to retry. */
function AccountListError({
  account,
  problem,
  onRetry,
}: {
  account: string;
  problem: string;
  onRetry: () => void;
}) {
  const label = `Your other Rucio accounts could not be listed (${problem}). Retry`;
  return (
    <Group gap={4} wrap="nowrap">
      <AccountLine account={account} />
      <Tooltip label={label} multiline w={260}>
        <ActionIcon variant="subtle" color="orange" size="xs" aria-label={label} onClick={onRetry}>
          <IconAlertTriangle size={12} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/**
 * Which Rucio account the portal acts as, and, when the identity maps to several, a menu to
 * choose another (AccountMenu). `account` is what /api/me says, shown when the list of accounts
 * cannot be loaded.
 */
export function AccountPicker({ account }: { account: string }) {
  const mine = useMyAccounts();
  if (mine.isPending) {
    return (
      <Skeleton role="status" aria-label="Loading your Rucio accounts" height={16} width={140} />
    );
  }
  if (mine.isError) {
    const retry = () => void mine.refetch();
    return <AccountListError account={account} problem={mine.error.message} onRetry={retry} />;
  }
  const { accounts, active } = mine.data;
  if (accounts.length <= 1) return <AccountLine account={active} />;
  return (
    <Suspense fallback={<AccountLine account={active} />}>
      <AccountMenu accounts={accounts} active={active} />
    </Suspense>
  );
}
