import { Anchor, EmptyState, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconServerOff } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '@/components/query-error.tsx';
import { LazyWorldMap, MapLegend, UnplacedMarkers } from '@/components/map/lazy-world-map.tsx';
import type { MapArc } from '@/components/map/world-map.tsx';
import { splitPlaced } from '@/components/map/map-model.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { plural } from '@/lib/format.ts';
import { useRses } from '@/lib/rse-queries.ts';
import { rsePath } from '@/lib/rse-url.ts';
import { flowArcs, formatCoordinates, siteMarkers, type Flow, type Site } from '../utils/sites.ts';

function SitesTable({ sites }: { sites: readonly Site[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="RSEs">
        <Table.Thead>
          <Table.Tr>
            {['RSE', 'Type', 'City', 'Country', 'Coordinates', 'Accepts'].map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sites.map((s) => (
            <Table.Tr key={s.rse}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={rsePath(s.rse)}>
                  {s.rse}
                </Anchor>
              </Table.Th>
              <Table.Td>{s.type}</Table.Td>
              <Table.Td>{s.city ?? '—'}</Table.Td>
              <Table.Td>{s.country ?? '—'}</Table.Td>
              <Table.Td>{formatCoordinates(s)}</Table.Td>
              <Table.Td>
                {(['read', 'write', 'delete'] as const)
                  .filter((op) => s.availability[op])
                  .join(', ') || 'nothing'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Every RSE on the world map and in a table; a marker opens its RSE's page. `flows` (transfers
 * in flight, for admins) are drawn as arcs between their RSEs; `children` follow the table.
 */
export function SitesPage({ flows, children }: { flows?: readonly Flow[]; children?: ReactNode }) {
  usePageTitle('Sites');
  const rses = useRses();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string | null>(null);
  const markers = useMemo(() => siteMarkers(rses.data?.rses ?? []), [rses.data]);
  const { unplaced } = useMemo(() => splitPlaced(markers), [markers]);
  const arcs: MapArc[] = useMemo(
    () => flowArcs(flows ?? [], rses.data?.rses ?? []),
    [flows, rses.data],
  );
  return (
    <Stack gap="md">
      <Title order={1}>Sites</Title>
      {rses.isPending && (
        <Skeleton h={320} radius="md" role="status" aria-label="Loading the RSEs" />
      )}
      {rses.isError && (
        <QueryError
          title="Could not load the RSEs"
          error={rses.error}
          retrying={rses.isFetching}
          onRetry={() => void rses.refetch()}
        />
      )}
      {rses.data?.rses.length === 0 && (
        <EmptyState
          icon={<IconServerOff size={28} aria-hidden />}
          withIndicatorBackground
          title="No RSEs"
          description="Rucio lists no storage element for your account."
        />
      )}
      {rses.data && rses.data.rses.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {plural(rses.data.rses.length, 'RSE')}, placed where Rucio says they are. Select a
            marker to open its RSE.
          </Text>
          <LazyWorldMap
            label={`Map of ${plural(rses.data.rses.length, 'RSE')}`}
            markers={markers}
            arcs={arcs}
            selected={selected}
            onSelect={(rse) => {
              setSelected(rse);
              void navigate(rsePath(rse));
            }}
          />
          <MapLegend tones={[]} sized={false} />
          <UnplacedMarkers markers={unplaced} />
          <SitesTable sites={rses.data.rses} />
        </>
      )}
      {children}
    </Stack>
  );
}
