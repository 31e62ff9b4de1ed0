import { Button, EmptyState, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { Notice } from '@/components/notice.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { UpdatedAt } from '@/components/updated-at.tsx';
import { plural } from '@/lib/format.ts';
import { didsFromSearch, parseDids } from '@/lib/parse-dids.ts';
import { useRses } from '@/lib/rse-queries.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useSelectionReplicas } from '../api/get-selection-replicas.ts';
import { replicaPlaces } from '../utils/replica-places.ts';
import { ReplicaMap } from './replica-map.tsx';
import { SummaryTable } from './replica-rows.tsx';

type Selection = NonNullable<ReturnType<typeof useSelectionReplicas>['data']>['selection'];

/** What the sums cover, in words. */
function coverage(s: Selection): string {
  const parts = [
    s.files && plural(s.files, 'file'),
    s.datasets && plural(s.datasets, 'dataset'),
    s.containers && plural(s.containers, 'container'),
  ].filter(Boolean);
  const below = s.datasetsSummed - s.datasets;
  return `Summed per RSE over ${parts.join(', ') || 'nothing'}${
    below > 0 ? `, with the ${plural(below, 'dataset')} found below the containers` : ''
  }. Files counted from their own replicas, datasets as Rucio counts them. A file selected together with a dataset that holds it counts twice.`;
}

/** The selection's replicas: the notes on what is covered, the map and the table. */
function SelectionView({ dids }: { dids: ReturnType<typeof parseDids>['dids'] }) {
  const summary = useSelectionReplicas(dids);
  const sites = useRses();
  const places = useMemo(
    () => (summary.data ? replicaPlaces(summary.data, sites.data?.rses ?? [], undefined) : []),
    [summary.data, sites.data],
  );
  if (summary.isPending) return <LoadingRows label="Loading where the selection lives" />;
  if (summary.isError)
    return (
      <QueryError
        title="Could not load the selection's replicas"
        error={summary.error}
        retrying={summary.isFetching}
        onRetry={() => void summary.refetch()}
      />
    );
  const { data } = summary;
  const { selection } = data;
  return (
    <Stack gap="xs">
      {selection.unknown.length > 0 && (
        <Notice kind="error" title="Not in Rucio">
          Rucio knows no DID named {selection.unknown.join(', ')}: left out.
        </Notice>
      )}
      {selection.partial && (
        <Notice kind="info" title="Partial summary">
          The containers hold too many datasets to sum whole: only the first{' '}
          {plural(selection.datasetsSummed, 'dataset')} found are counted.
        </Notice>
      )}
      <Group justify="space-between" align="start" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {coverage(selection)}
        </Text>
        <UpdatedAt at={summary.dataUpdatedAt} refreshing={summary.isFetching} every={false} />
      </Group>
      {data.rses.length === 0 ? (
        <EmptyState
          icon={<IconServer size={28} aria-hidden />}
          withIndicatorBackground
          title="No replicas"
          description="Rucio knows no replica of anything selected."
        />
      ) : (
        <>
          {sites.isError && (
            <Notice kind="error" title="No map">
              Could not load where the RSEs are: {sites.error.message}
            </Notice>
          )}
          {sites.data && (
            <ReplicaMap
              places={places}
              label={`Map of the ${plural(places.length, 'RSE')} holding the selection`}
            />
          )}
          <SummaryTable summary={data} places={places} label="Replicas of the selection per RSE" />
        </>
      )}
    </Stack>
  );
}

/**
 * Where a selection lives (from the search results, or pasted): one map and one table for all of
 * it, per RSE. The list is edited here and shown when asked; nothing typed is lost on an error.
 */
export function SelectionReplicasPage() {
  usePageTitle('Where the selection lives');
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => didsFromSearch(params));
  const shown = useMemo(() => parseDids(didsFromSearch(params)), [params]);
  const typed = useMemo(() => parseDids(text), [text]);
  const error = typed.errors.join(' ') || undefined;
  const show = (e: SyntheticEvent) => {
    e.preventDefault();
    if (typed.errors.length > 0 || typed.dids.length === 0) return;
    setParams(new URLSearchParams(typed.dids.map((d) => ['did', `${d.scope}:${d.name}`])));
  };
  const ready = shown.errors.length === 0 && shown.dids.length > 0;
  return (
    <Stack gap="md">
      <Title order={1}>Where the selection lives</Title>
      <form onSubmit={show} aria-label="DIDs to map">
        <Stack gap="xs">
          <TextInput
            component="textarea"
            label="DIDs"
            description="One scope:name per line, at most 100 (files, datasets or containers)."
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
            }}
            error={error}
            styles={{ input: { minHeight: 96, paddingTop: 8, fontFamily: 'monospace' } }}
          />
          <Group>
            <Button type="submit" disabled={Boolean(error) || typed.dids.length === 0}>
              Show where they are
            </Button>
          </Group>
        </Stack>
      </form>
      {ready ? (
        <SelectionView dids={shown.dids} />
      ) : (
        <Text size="sm" c="dimmed">
          Name some DIDs, or select rows in the search results and choose “Show on the map”.
        </Text>
      )}
    </Stack>
  );
}
