import { Anchor, Badge, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '@/components/query-error.tsx';
import { LazyWorldMap } from '@/components/map/lazy-world-map.tsx';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useRse } from '@/lib/rse-queries.ts';
import { formatCoordinates, siteMarkers } from '../utils/sites.ts';
import {
  AccountLimitsTable,
  AttributesTable,
  ProtocolsTable,
  TopDatasetsTable,
  UsageTable,
} from './rse-tables.tsx';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** One RSE: where and what it is, usage, the accounts' limits, its largest datasets, protocols. */
export function RsePage() {
  const rse = useParams().rse ?? '';
  usePageTitle(rse);
  const details = useRse(rse);
  const markers = useMemo(() => (details.data ? siteMarkers([details.data]) : []), [details.data]);
  const d = details.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} style={{ wordBreak: 'break-all' }}>
          {rse}
        </Title>
        <Anchor component={Link} to="/sites">
          All sites
        </Anchor>
      </Group>
      {details.isPending && <Skeleton h={240} role="status" aria-label="Loading the RSE" />}
      {details.isError && (
        <QueryError
          title={`Could not load ${rse}`}
          error={details.error}
          retrying={details.isFetching}
          onRetry={() => void details.refetch()}
        />
      )}
      {d && (
        <>
          <Group gap="xs">
            <Badge variant="light">{d.type}</Badge>
            {d.volatile && <Badge variant="light">volatile</Badge>}
            {d.staging && <Badge variant="light">staging area</Badge>}
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <SimpleGrid cols={2} spacing="sm" style={{ alignContent: 'start' }}>
              <Fact label="City">{d.city ?? '—'}</Fact>
              <Fact label="Country">{d.country ?? '—'}</Fact>
              <Fact label="Continent">{d.continent ?? '—'}</Fact>
              <Fact label="Coordinates">{formatCoordinates(d)}</Fact>
              <Fact label="Accepts">
                {(['read', 'write', 'delete'] as const)
                  .filter((op) => d.availability[op])
                  .join(', ') || 'nothing'}
              </Fact>
            </SimpleGrid>
            {d.latitude !== null ? (
              <LazyWorldMap label={`Where ${d.rse} is`} markers={markers} />
            ) : (
              <Text size="sm">Rucio has no coordinates for this RSE: it is not on the map.</Text>
            )}
          </SimpleGrid>
          <Section title="Usage">
            <UsageTable usage={d.usage} />
          </Section>
          <Section title="Accounts">
            <AccountLimitsTable limits={d.accountLimits} />
          </Section>
          <Section title="Largest datasets">
            <TopDatasetsTable details={d} />
          </Section>
          <Section title="Protocols">
            <ProtocolsTable protocols={d.protocols} />
          </Section>
          <Section title="Attributes">
            <AttributesTable attributes={d.attributes} />
          </Section>
        </>
      )}
    </Stack>
  );
}
