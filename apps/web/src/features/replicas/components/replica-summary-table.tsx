import type { ApiResponse } from '@bdms/contract';
import { useMemo, useState } from 'react';
import { Badge, EmptyState, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { Notice } from '@/components/notice.tsx';
import { QueryError } from '@/components/query-error.tsx';
import type { DidRef } from '@/lib/did-url.ts';
import { formatBytes, formatCount, plural } from '@/lib/format.ts';
import { useRses } from '@/lib/rse-queries.ts';
import { useReplicaLocks } from '../api/get-replica-locks.ts';
import { useReplicaSummary } from '../api/get-replica-summary.ts';
import { describeLocks, replicaPlaces, where, type ReplicaPlace } from '../utils/replica-places.ts';
import { ReplicaMap } from './replica-map.tsx';
import { UpdatedAt } from '@/components/updated-at.tsx';

const REPLICAS_REFRESH_MS = 10_000;

/** Copies still being made: a rule lock replicating, or a file's copy in state COPYING. */
const isMoving = (
  summary: Summary | undefined,
  locks: { rses: { replicating: number }[] } | undefined,
): boolean =>
  (locks?.rses.some((l) => l.replicating > 0) ?? false) ||
  (summary?.rses.some((r) => r.state === 'COPYING') ?? false);

type Summary = ApiResponse<'didReplicaSummary'>;

/** A file's copies in Rucio's order for this user: worth marking only when there is a choice. */
const ranked = (summary: Summary): boolean =>
  summary.rses.filter((r) => r.rank !== undefined).length > 1;

/** Which of Rucio's views the numbers come from: counted now, or as its daemon last computed. */
function sourceNote(summary: Summary): string {
  const { source, container } = summary;
  if (source === 'file_replicas')
    return ranked(summary)
      ? "From the file's own replicas, as they are now. The copy marked is the one Rucio offers you first: the nearest to where you connect from, when Rucio can place you."
      : "From the file's own replicas, as they are now.";
  if (source === 'dataset_replicas')
    return "From Rucio's dataset replicas: files counted on each RSE now, and RSEs a rule is still filling.";
  const over = `Summed over the container's ${plural(container?.datasets ?? 0, 'dataset')} (through its sub-containers), per RSE over the datasets Rucio has there`;
  return source === 'container_deep'
    ? `${over}: each counted now, with RSEs a rule is still filling.`
    : `${over}, from Rucio's dataset-replica table: complete per dataset as Rucio last computed it, not counted now; RSEs where no rule placed a dataset are not listed.`;
}

function SummaryRow({
  place,
  perDataset,
  offeredFirst,
}: {
  place: ReplicaPlace;
  perDataset: boolean;
  offeredFirst: boolean;
}) {
  const { row, site } = place;
  // Rucio's counters can lag (more available than counted): a bar stays within 0–100, to a
  // tenth (aria-valuenow in exponent notation, 1e-7, is invalid).
  const share = row.totalFiles
    ? Math.round(Math.max(0, Math.min(100, (row.availableFiles / row.totalFiles) * 100)) * 10) / 10
    : 0;
  const complete = row.totalFiles > 0 && row.availableFiles === row.totalFiles;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {row.rse}
        {offeredFirst && (
          <Badge ml="xs" size="xs" variant="light">
            offered first
          </Badge>
        )}
      </Table.Th>
      <Table.Td>
        {site?.type ?? '—'}, {where(site)}
      </Table.Td>
      <Table.Td>
        <Badge variant="dot" color={complete ? 'teal' : 'yellow'}>
          {row.state}
        </Badge>
      </Table.Td>
      {perDataset && (
        <Table.Td>
          {row.datasets
            ? `${formatCount(row.datasets.complete)} of ${formatCount(row.datasets.total)} complete`
            : '—'}
        </Table.Td>
      )}
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
      <Table.Td>{describeLocks(place.locks)}</Table.Td>
    </Table.Tr>
  );
}

function SummaryTable({ summary, places }: { summary: Summary; places: readonly ReplicaPlace[] }) {
  const perDataset = summary.source === 'container_deep' || summary.source === 'container_table';
  const headers = ['RSE', 'Type and place', 'State', ...(perDataset ? ['Datasets'] : [])];
  const marks = ranked(summary);
  return (
    <Table.ScrollContainer minWidth={perDataset ? 980 : 860}>
      <Table aria-label="Replicas per RSE">
        <Table.Thead>
          <Table.Tr>
            {[...headers, 'Files available', 'Bytes available', 'Rule locks'].map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {places.map((place) => (
            <SummaryRow
              key={place.row.rse}
              place={place}
              perDataset={perDataset}
              offeredFirst={marks && place.row.rank === 1}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Where the DID's files are: a world map and a table, per RSE: type and place, files available of
 * the total, bytes, and the rule locks there. The map and the table show the same rows; the RSE
 * list and the locks load beside the summary and fill in when they come (never holding it back).
 */
export function ReplicaSummaryTable({ did }: { did: DidRef }) {
  // While copies are being made, the summary and the locks refresh (and say when they were read).
  const [moving, setMoving] = useState(false);
  const refresh = moving ? REPLICAS_REFRESH_MS : false;
  const summary = useReplicaSummary(did, refresh);
  const sites = useRses();
  const locks = useReplicaLocks(did, refresh);
  const nowMoving = isMoving(summary.data, locks.data);
  if (nowMoving !== moving) setMoving(nowMoving);
  const places = useMemo(
    () =>
      summary.data ? replicaPlaces(summary.data, sites.data?.rses ?? [], locks.data?.rses) : [],
    [summary.data, sites.data, locks.data],
  );
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
  const { data } = summary;
  return (
    <Stack gap="xs">
      {data.container?.partial && (
        <Notice kind="info" title="Partial summary">
          The container is too large to sum whole: only the first{' '}
          {plural(data.container.datasets, 'dataset')} found are counted.
        </Notice>
      )}
      {data.rses.length === 0 ? (
        <EmptyState
          icon={<IconServer size={28} aria-hidden />}
          withIndicatorBackground
          title="No replicas"
          description={
            data.container
              ? `Rucio knows no replica of any of its ${plural(data.container.datasets, 'dataset')}.`
              : 'Rucio knows no replica of it on any RSE.'
          }
        />
      ) : (
        <>
          <Group justify="space-between" align="start" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {sourceNote(data)}
            </Text>
            <UpdatedAt at={summary.dataUpdatedAt} refreshing={summary.isFetching} every={refresh} />
          </Group>
          {sites.isError && (
            <Notice kind="error" title="No map">
              Could not load where the RSEs are: {sites.error.message}
            </Notice>
          )}
          {sites.data && (
            <ReplicaMap
              places={places}
              label={`Map of the ${plural(places.length, 'RSE')} holding it`}
            />
          )}
          {locks.isError && (
            <Text size="sm" c="dimmed">
              Rule locks could not be loaded: {locks.error.message}
            </Text>
          )}
          <SummaryTable summary={data} places={places} />
        </>
      )}
    </Stack>
  );
}
