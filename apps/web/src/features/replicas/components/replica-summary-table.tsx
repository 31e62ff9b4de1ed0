import type { ApiResponse } from '@bdms/contract';
import { Badge, EmptyState, Progress, Stack, Table, Text } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import type { DidRef } from '@/lib/did-url.ts';
import { formatBytes, formatCount } from '@/lib/format.ts';
import { useReplicaSummary } from '../api/get-replica-summary.ts';

type Row = ApiResponse<'didReplicaSummary'>['rses'][number];

const SOURCE_NOTE = {
  dataset_replicas:
    "From Rucio's dataset replicas: files counted on each RSE now, and RSEs a rule is still filling.",
  file_replicas: "From the file's own replicas.",
  none: '',
} as const;

function SummaryRow({ row }: { row: Row }) {
  const share = row.totalFiles ? (row.availableFiles / row.totalFiles) * 100 : 0;
  const complete = row.totalFiles > 0 && row.availableFiles === row.totalFiles;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {row.rse}
      </Table.Th>
      <Table.Td>
        <Badge variant="dot" color={complete ? 'teal' : 'yellow'}>
          {row.state}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Text size="sm">
            {formatCount(row.availableFiles)} / {formatCount(row.totalFiles)} files
          </Text>
          <Progress
            value={share}
            color={complete ? 'teal' : 'yellow'}
            size="sm"
            aria-label={`${row.rse}: ${formatCount(row.availableFiles)} of ${formatCount(row.totalFiles)} files available`}
          />
        </Stack>
      </Table.Td>
      <Table.Td>
        {formatBytes(row.availableBytes)} / {formatBytes(row.totalBytes)}
      </Table.Td>
    </Table.Tr>
  );
}

/** Where the DID's files are: per RSE, files available of the total, and bytes. */
export function ReplicaSummaryTable({ did }: { did: DidRef }) {
  const summary = useReplicaSummary(did);
  if (summary.isPending) return <LoadingRows label="Loading replicas" />;
  if (summary.isError)
    return (
      <QueryError
        title="Could not load the replicas"
        error={summary.error}
        retrying={summary.isFetching}
        onRetry={() => void summary.refetch()}
      />
    );
  const { source, rses } = summary.data;
  if (source === 'none' || rses.length === 0)
    return (
      <EmptyState
        icon={<IconServer size={28} aria-hidden />}
        withIndicatorBackground
        title={source === 'none' ? 'Summarised per dataset' : 'No replicas'}
        description={
          source === 'none'
            ? "Rucio summarises replicas per dataset: open one of this container's datasets."
            : 'Rucio knows no replica of it on any RSE.'
        }
      />
    );
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {SOURCE_NOTE[source]}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Replicas per RSE">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">RSE</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Files available</Table.Th>
              <Table.Th scope="col">Bytes available</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rses.map((row) => (
              <SummaryRow key={row.rse} row={row} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
