import type { ApiResponse } from '@bdms/contract';
import {
  Anchor,
  Badge,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { Link } from 'react-router';
import { QueryError } from '@/components/query-error.tsx';
import { UpdatedAt } from '@/components/updated-at.tsx';
import { didPath } from '@/lib/did-url.ts';
import { formatBytes, formatCount, formatInstant, plural } from '@/lib/format.ts';
import { rsePath } from '@/lib/rse-url.ts';
import { TRANSFERS_REFRESH_MS, useTransfers } from '../api/get-transfers.ts';

type Overview = ApiResponse<'transfers'>;

/** The requests one by one: the first screenful (the pairs above count them all). */
const SHOWN = 100;

const states = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([state, n]) => `${formatCount(n)} ${state}`)
    .join(', ');

function PairsTable({ pairs }: { pairs: Overview['pairs'] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Transfers per RSE pair">
        <Table.Thead>
          <Table.Tr>
            {['From', 'To', 'Files', 'Bytes', 'States'].map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.map((p) => (
            <Table.Tr key={`${p.source}>${p.destination}`}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={rsePath(p.source)}>
                  {p.source}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Anchor component={Link} to={rsePath(p.destination)}>
                  {p.destination}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatCount(p.files)}</Table.Td>
              <Table.Td>{formatBytes(p.bytes)}</Table.Td>
              <Table.Td>{states(p.states)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RequestsTable({ requests }: { requests: Overview['requests'] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Transfers in flight">
        <Table.Thead>
          <Table.Tr>
            {['File', 'From → to', 'State', 'Bytes', 'Account', 'Submitted', 'Retries'].map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.slice(0, SHOWN).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={400} style={{ wordBreak: 'break-all' }}>
                <Anchor component={Link} to={didPath(r)} size="sm">
                  {r.scope}:{r.name}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {r.source} → {r.destination}
              </Table.Td>
              <Table.Td>
                <Badge variant="dot">{r.state}</Badge>
              </Table.Td>
              <Table.Td>{formatBytes(r.bytes)}</Table.Td>
              <Table.Td>{r.account ?? '—'}</Table.Td>
              <Table.Td>{formatInstant(r.submittedAt)}</Table.Td>
              <Table.Td>{formatCount(r.retries)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Transfers in flight between RSEs (admins): per pair, then one by one; refreshed every 5 s. */
export function TransfersPanel() {
  const transfers = useTransfers(true);
  const data = transfers.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby="transfers-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="transfers-title">
          Transfers in flight
        </Title>
        <UpdatedAt
          at={transfers.dataUpdatedAt}
          refreshing={transfers.isFetching}
          every={TRANSFERS_REFRESH_MS}
        />
      </Group>
      {transfers.isPending && <Skeleton h={80} role="status" aria-label="Loading the transfers" />}
      {transfers.isError && (
        <QueryError
          title="Could not load the transfers"
          error={transfers.error}
          retrying={transfers.isFetching}
          onRetry={() => void transfers.refetch()}
        />
      )}
      {data?.total === 0 && (
        <EmptyState
          icon={<IconArrowsExchange size={28} aria-hidden />}
          withIndicatorBackground
          title="No transfers in flight"
          description="Rucio has no transfer submitted or waiting between any two RSEs right now."
        />
      )}
      {data && data.total > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {plural(data.total, 'transfer')} between {plural(data.pairs.length, 'pair')} of RSEs, as
            Rucio listed them at {formatInstant(data.fetchedAt)}.
          </Text>
          <PairsTable pairs={data.pairs} />
          <RequestsTable requests={data.requests} />
          {data.total > Math.min(SHOWN, data.requests.length) && (
            <Text size="sm" c="dimmed">
              The {formatCount(Math.min(SHOWN, data.requests.length))} oldest shown of{' '}
              {formatCount(data.total)}.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

export { useTransfers };
