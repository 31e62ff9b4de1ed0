import type { ApiResponse } from '@bdms/contract';
import { useMemo, useState } from 'react';
import { Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { Notice } from '@/components/notice.tsx';
import { QueryError } from '@/components/query-error.tsx';
import type { DidRef } from '@/lib/did-url.ts';
import { formatCount, plural } from '@/lib/format.ts';
import { useRses } from '@/lib/rse-queries.ts';
import { useReplicaLocks } from '../api/get-replica-locks.ts';
import { useReplicaStates } from '../api/get-replica-states.ts';
import { useReplicaSummary } from '../api/get-replica-summary.ts';
import { replicaPlaces } from '../utils/replica-places.ts';
import { ranked, SummaryTable } from './replica-rows.tsx';
import { ReplicaMap } from './replica-map.tsx';
import { UpdatedAt } from '@/components/updated-at.tsx';

const REPLICAS_REFRESH_MS = 10_000;

/** Up to this many files, the states of their replicas are counted at once; beyond, on request. */
export const STATES_AUTO_MAX_FILES = 5_000;

/** Copies still being made: a rule lock replicating, or a file's copy in state COPYING. */
const isMoving = (
  summary: Summary | undefined,
  locks: { rses: { replicating: number }[] } | undefined,
  states: { rses: { states: Record<string, number> }[] } | undefined,
): boolean =>
  (locks?.rses.some((l) => l.replicating > 0) ?? false) ||
  (summary?.rses.some((r) => r.state === 'COPYING') ?? false) ||
  (states?.rses.some((r) => (r.states.COPYING ?? 0) > 0) ?? false);

/** The DID's files as the summary counts them (an RSE holding it whole has them all). */
const filesOf = (summary: Summary | undefined): number =>
  Math.max(0, ...(summary?.rses.map((r) => r.totalFiles) ?? []));

type Summary = ApiResponse<'didReplicaSummary'>;

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

/** Whether the file replicas' states are counted, and the way to ask when they are not. */
function StatesNote({
  files,
  asked,
  onAsk,
  states,
}: {
  files: number;
  asked: boolean;
  onAsk: () => void;
  states: ReturnType<typeof useReplicaStates>;
}) {
  if (!asked)
    return (
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          File replica states (available, copying, bad…) are counted on request for{' '}
          {formatCount(files)} files.
        </Text>
        <Button size="xs" variant="light" onClick={onAsk}>
          Count file states
        </Button>
      </Group>
    );
  if (states.isError)
    return (
      <Text size="sm" c="dimmed">
        File replica states could not be counted: {states.error.message}
      </Text>
    );
  if (states.data && !states.data.complete)
    return (
      <Text size="sm" c="dimmed">
        File replica states are counted over the first {formatCount(states.data.files)} files only.
      </Text>
    );
  return null;
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
  // File states need every file listed: at once for a few thousand files, else when asked.
  const files = filesOf(summary.data);
  const [statesAsked, askStates] = useState(false);
  const countStates = summary.isSuccess && (files <= STATES_AUTO_MAX_FILES || statesAsked);
  const states = useReplicaStates(did, countStates, refresh);
  const nowMoving = isMoving(summary.data, locks.data, states.data);
  if (nowMoving !== moving) setMoving(nowMoving);
  const places = useMemo(
    () =>
      summary.data
        ? replicaPlaces(summary.data, sites.data?.rses ?? [], locks.data?.rses, states.data?.rses)
        : [],
    [summary.data, sites.data, locks.data, states.data],
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
          <StatesNote
            files={files}
            asked={countStates}
            onAsk={() => {
              askStates(true);
            }}
            states={states}
          />
          <SummaryTable
            summary={data}
            places={places}
            states={!countStates || states.isError ? 'off' : states.data ? 'counted' : 'loading'}
          />
        </>
      )}
    </Stack>
  );
}
