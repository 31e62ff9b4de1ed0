import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { LazyWorldMap, MapLegend, UnplacedMarkers } from '@/components/map/lazy-world-map.tsx';
import { splitPlaced } from '@/components/map/map-model.ts';
import { formatBytes, formatCount } from '@/lib/format.ts';
import {
  describeLocks,
  describeStates,
  replicaMarkers,
  where,
  type ReplicaPlace,
} from '../utils/replica-places.ts';
import { rsePath } from '@/lib/rse-url.ts';

/** The RSE picked on the map, in words, with a way to its page. */
function SelectedPlace({ place }: { place: ReplicaPlace }) {
  const { row, site, locks } = place;
  return (
    <Paper withBorder p="sm" aria-live="polite" aria-label={`Selected: ${row.rse}`}>
      <Group justify="space-between" wrap="wrap">
        <Anchor component={Link} to={rsePath(row.rse)} fw={500}>
          {row.rse}
        </Anchor>
        <Group gap="xs">
          <Badge variant="light">{site?.type ?? 'DISK'}</Badge>
          <Badge variant="dot">{row.state}</Badge>
        </Group>
      </Group>
      <Text size="sm">{where(site)}</Text>
      <Text size="sm">
        {formatCount(row.availableFiles)} of {formatCount(row.totalFiles)} files available,{' '}
        {formatBytes(row.availableBytes)} of {formatBytes(row.totalBytes)}
      </Text>
      <Text size="sm">{describeLocks(locks)}</Text>
      {place.states && <Text size="sm">File replicas: {describeStates(place.states)}</Text>}
    </Paper>
  );
}

/** Where the DID's copies are, on a world map: one marker per RSE, the details on selection. */
export function ReplicaMap({ places, label }: { places: readonly ReplicaPlace[]; label: string }) {
  const markers = useMemo(() => replicaMarkers(places), [places]);
  const { unplaced } = useMemo(() => splitPlaced(markers), [markers]);
  const [selected, setSelected] = useState<string | null>(null);
  const chosen = places.find((p) => p.row.rse === selected);
  return (
    <Stack gap="xs">
      <LazyWorldMap label={label} markers={markers} selected={selected} onSelect={setSelected} />
      <MapLegend tones={['complete', 'partial', 'missing']} sized />
      {chosen && <SelectedPlace place={chosen} />}
      <UnplacedMarkers markers={unplaced} />
    </Stack>
  );
}
