import type { ApiResponse } from '@bdms/contract';
import { Badge, Progress, Skeleton, Stack, Table, Text } from '@mantine/core';
import { formatBytes, formatCount } from '@/lib/format.ts';
import {
  describeLocks,
  describeStates,
  where,
  type ReplicaPlace,
} from '../utils/replica-places.ts';

type Summary = Pick<ApiResponse<'didReplicaSummary'>, 'source' | 'rses'>;

/** Whether the file replicas' states have a column: counted (or being counted), or not asked. */
export type StatesColumn = 'counted' | 'loading' | 'off';

/** A file's copies in Rucio's order for this user: worth marking only when there is a choice. */
export const ranked = (summary: Summary): boolean =>
  summary.rses.filter((r) => r.rank !== undefined).length > 1;

function SummaryRow({
  place,
  perDataset,
  offeredFirst,
  states,
}: {
  place: ReplicaPlace;
  perDataset: boolean;
  offeredFirst: boolean;
  states: StatesColumn;
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
      {states !== 'off' && (
        <Table.Td>
          {states === 'loading' && !place.states ? (
            <Skeleton height={12} width={120} aria-label={`Counting ${row.rse}'s file states`} />
          ) : (
            (describeStates(place.states) ?? '—')
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** The replicas per RSE, the same rows as the map: place, state, files, bytes, locks. */
export function SummaryTable({
  summary,
  places,
  states = 'off',
  label = 'Replicas per RSE',
}: {
  summary: Summary;
  places: readonly ReplicaPlace[];
  states?: StatesColumn;
  label?: string;
}) {
  const perDataset = summary.source !== 'dataset_replicas' && summary.source !== 'file_replicas';
  const headers = ['RSE', 'Type and place', 'State', ...(perDataset ? ['Datasets'] : [])];
  const marks = ranked(summary);
  return (
    <Table.ScrollContainer minWidth={perDataset ? 980 : 860}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {[
              ...headers,
              'Files available',
              'Bytes available',
              'Rule locks',
              ...(states === 'off' ? [] : ['File replicas by state']),
            ].map((h) => (
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
              states={states}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
