import type { ApiResponse } from '@bdms/contract';
import { Anchor, Progress, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { didPath } from '@/lib/did-url.ts';
import { formatBytes, formatCount, formatInstant } from '@/lib/format.ts';

type Details = ApiResponse<'rse'>;

/** A plain, labelled table: headers in the first row, one row per item. */
function SimpleTable(props: {
  label: string;
  headers: string[];
  rows: ReactNode[][];
  minWidth?: number;
}) {
  return (
    <Table.ScrollContainer minWidth={props.minWidth ?? 560}>
      <Table aria-label={props.label}>
        <Table.Thead>
          <Table.Tr>
            {props.headers.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map(([first, ...rest], i) => (
            <Table.Tr key={i}>
              <Table.Th scope="row" fw={500}>
                {first}
              </Table.Th>
              {rest.map((cell, j) => (
                <Table.Td key={j}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UsageTable({ usage }: { usage: Details['usage'] }) {
  if (usage.length === 0) return <Text size="sm">Rucio has no usage for this RSE yet.</Text>;
  return (
    <SimpleTable
      label="Usage by source"
      headers={['Source', 'Used', 'Free', 'Total', 'Files', 'Computed']}
      rows={usage.map((u) => [
        u.source,
        formatBytes(u.used),
        formatBytes(u.free),
        formatBytes(u.total),
        formatCount(u.files),
        formatInstant(u.updatedAt),
      ])}
    />
  );
}

function LimitCell({ a }: { a: NonNullable<Details['accountLimits']>[number] }) {
  if (a.unlimited) return <>unlimited</>;
  if (a.limitBytes === null) return <>none set</>;
  const share = a.limitBytes > 0 ? (a.usedBytes / a.limitBytes) * 100 : 100;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {formatBytes(a.limitBytes)} ({share.toFixed(1)} % used)
      </Text>
      <Progress
        value={Math.round(Math.max(0, Math.min(100, share)) * 10) / 10}
        color={share >= 100 ? 'red' : share >= 90 ? 'yellow' : 'teal'}
        size="sm"
        aria-label={`${a.account}: ${share.toFixed(1)} % of the limit used`}
      />
    </Stack>
  );
}

export function AccountLimitsTable({ limits }: { limits: Details['accountLimits'] }) {
  if (limits === null)
    return <Text size="sm">Rucio does not show the accounts' usage here to your account.</Text>;
  if (limits.length === 0) return <Text size="sm">No account uses or may use this RSE.</Text>;
  return (
    <SimpleTable
      label="Account usage and limits"
      headers={['Account', 'Used', 'Files', 'Local limit']}
      rows={limits.map((a) => [
        a.account,
        formatBytes(a.usedBytes),
        formatCount(a.usedFiles),
        <LimitCell key="limit" a={a} />,
      ])}
    />
  );
}

export function TopDatasetsTable({ details }: { details: Details }) {
  if (details.topDatasets.length === 0)
    return <Text size="sm">Rucio has no dataset on this RSE.</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        The {formatCount(details.topDatasets.length)} largest of the {formatCount(details.datasets)}{' '}
        datasets Rucio has here, as its daemon last counted them.
      </Text>
      <SimpleTable
        label="Largest datasets"
        headers={['Dataset', 'State', 'Files available', 'Bytes available']}
        minWidth={720}
        rows={details.topDatasets.map((d) => [
          <Anchor key="did" component={Link} to={didPath(d)} style={{ wordBreak: 'break-all' }}>
            {d.scope}:{d.name}
          </Anchor>,
          d.state,
          `${formatCount(d.availableFiles)} / ${formatCount(d.files)}`,
          `${formatBytes(d.availableBytes)} / ${formatBytes(d.bytes)}`,
        ])}
      />
    </Stack>
  );
}

export function ProtocolsTable({ protocols }: { protocols: Details['protocols'] }) {
  return (
    <SimpleTable
      label="Protocols"
      headers={['Endpoint', 'Implementation', 'Domains']}
      minWidth={720}
      rows={protocols.map((p) => [
        `${p.scheme}://${p.hostname}:${p.port}${p.prefix ?? ''}`,
        p.impl ?? '—',
        Object.entries(p.domains)
          .map(([domain, ops]) => `${domain}: ${ops.join(', ') || 'none'}`)
          .join('; '),
      ])}
    />
  );
}

export function AttributesTable({ attributes }: { attributes: Details['attributes'] }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <SimpleTable
      label="Attributes"
      headers={['Attribute', 'Value']}
      rows={entries.map(([k, v]) => [k, String(v)])}
    />
  );
}
