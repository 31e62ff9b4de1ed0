import { EmptyState, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { QueryError } from '@/components/query-error.tsx';
import { UpdatedAt } from '@/components/updated-at.tsx';
import { formatCount, plural } from '@/lib/format.ts';
import { TRANSFERS_REFRESH_MS, useRuleTransfers } from '../api/get-rule-transfers.ts';
import { RuleTransfersTable } from './rule-transfers-table.tsx';

/**
 * The transfers of a rule that is not OK: its files not yet OK, each with Rucio's request to the
 * lock's RSE. `live` (the rule replicates) refreshes them every 5 s.
 */
export function RuleTransfers({ id, live }: { id: string; live: boolean }) {
  const transfers = useRuleTransfers(id, live);
  const data = transfers.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby="rule-transfers-title">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4" id="rule-transfers-title">
          Transfers
        </Title>
        <UpdatedAt
          at={transfers.dataUpdatedAt}
          refreshing={transfers.isFetching}
          every={live && TRANSFERS_REFRESH_MS}
        />
      </Group>
      {transfers.isPending && (
        <Skeleton h={120} role="status" aria-label="Loading the transfers of this rule" />
      )}
      {transfers.isError && (
        <QueryError
          title="Could not load the transfers of this rule"
          error={transfers.error}
          retrying={transfers.isFetching}
          onRetry={() => void transfers.refetch()}
        />
      )}
      {data?.transfers.length === 0 && (
        <EmptyState
          icon={<IconArrowsExchange size={28} aria-hidden />}
          withIndicatorBackground
          title="No transfers queued yet"
          description="Rucio's judge creates them within seconds."
        />
      )}
      {data && data.transfers.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {plural(data.total, 'file')} not yet OK, with Rucio&apos;s transfer request for each.
          </Text>
          <RuleTransfersTable transfers={data.transfers} />
          {data.total > data.shown && (
            <Text size="sm" c="dimmed">
              Only the first {formatCount(data.shown)} of {formatCount(data.total)} files are shown.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
