import { Badge, EmptyState, Table, Text } from '@mantine/core';
import { IconTags } from '@tabler/icons-react';
import { formatCount, formatInstant } from '@/lib/format.ts';
import type { MetadataEntry } from '../types.ts';

function formatValue(entry: MetadataEntry): string {
  const { kind, value } = entry;
  if (value === null) return '—';
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  if (kind === 'datetime' && typeof value === 'string') {
    // CTAO writes UTC without a zone (start_time); Rucio's own dates carry one.
    const zoned = /Z|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`;
    return formatInstant(zoned);
  }
  if (kind === 'boolean') return value ? 'true' : 'false';
  // Ids like obs_id are exact integers: grouping digits would make them unreadable to copy.
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 1e6 ? formatCount(value) : String(value);
  return String(value);
}

/** Every metadata key of the DID: value formatted by its type, with its unit and where Rucio keeps it. */
export function MetadataTable({ entries }: { entries: readonly MetadataEntry[] }) {
  if (entries.length === 0) {
    return (
      <EmptyState
        icon={<IconTags size={28} aria-hidden />}
        withIndicatorBackground
        title="No metadata"
        description="Rucio holds no metadata keys for this DID. In CTAO's archive, files carry the observation metadata; datasets and containers usually have none."
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped highlightOnHover aria-label="Metadata">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Key</Table.Th>
            <Table.Th scope="col">Value</Table.Th>
            <Table.Th scope="col">Unit</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Stored in</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={`${entry.plugin}:${entry.key}`}>
              <Table.Th scope="row" fw={500} title={entry.description}>
                <code>{entry.key}</code>
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{formatValue(entry)}</Table.Td>
              <Table.Td>{entry.unit ?? ''}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {entry.kind}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  size="xs"
                  variant="outline"
                  color={entry.plugin === 'JSON' ? 'grape' : 'gray'}
                >
                  {entry.plugin === 'JSON' ? 'metadata' : 'DID column'}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
