import { Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatBytes, formatCount } from '@/lib/format.ts';
import {
  formatShare,
  groupBy,
  sortRows,
  type Sort,
  type UsageGroup,
  type UsageRow,
} from '../utils/usage-views.ts';
import { limitText, rowTint, ShareCell, SortableTh, StatusBadge } from './quota-bits.tsx';
import { useShown } from './show-more.tsx';

type Column = 'key' | 'used' | 'files' | 'limit' | 'share' | 'flags';

const groupValue = (g: UsageGroup, key: Column): string | number | null => {
  switch (key) {
    case 'key':
      return g.key;
    case 'used':
      return g.usedBytes;
    case 'files':
      return g.usedFiles;
    case 'limit':
      return g.unlimited ? Number.POSITIVE_INFINITY : g.limitBytes;
    case 'share':
      return g.limitBytes ? g.usedBytes / g.limitBytes : null;
    case 'flags':
      return g.over * 1000 + g.near;
  }
};

/** Per account or per RSE: usage summed over the other axis, sortable by any column. */
export function UsageGroupTable({
  rows,
  by,
}: {
  rows: readonly UsageRow[];
  by: 'account' | 'rse';
}) {
  const [sort, setSort] = useState<Sort<Column>>({ key: 'flags', dir: 'descending' });
  const groups = sortRows(groupBy(rows, by), sort, groupValue, (g) => g.key);
  const shown = useShown(groups);
  const name = by === 'account' ? 'Account' : 'RSE';
  const th = (column: Column, label: string, numeric = false) => (
    <SortableTh column={column} sort={sort} onSort={setSort} numeric={numeric}>
      {label}
    </SortableTh>
  );
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table
          striped
          highlightOnHover
          aria-label={`Usage per ${by === 'account' ? 'account' : 'RSE'}`}
        >
          <Table.Thead>
            <Table.Tr>
              {th('key', name)}
              {th('used', 'Used', true)}
              {th('files', 'Files', true)}
              {th('limit', 'Local limits (sum)', true)}
              {th('share', 'Used of limit', true)}
              {th('flags', 'Over / ≥ 90 %')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.visible.map((g) => {
              const share = g.limitBytes ? g.usedBytes / g.limitBytes : null;
              return (
                <Table.Tr key={g.key} style={{ background: rowTint(g.status) }}>
                  <Table.Td>
                    <Text fw={500} size="sm">
                      {g.key}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" title={`${formatCount(g.usedBytes)} bytes`}>
                    {formatBytes(g.usedBytes)}
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(g.usedFiles)}</Table.Td>
                  <Table.Td ta="right">
                    {limitText(g.limitBytes, g.unlimited && g.limitBytes === null)}
                  </Table.Td>
                  <Table.Td ta="right">{formatShare(share)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {g.over > 0 && <StatusBadge status="over" />}
                      {g.near > 0 && <StatusBadge status="near" />}
                      {g.over + g.near === 0 && (
                        <Text size="xs" c="dimmed">
                          none
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.footer}
    </>
  );
}

type CellColumn = 'account' | 'rse' | 'used' | 'files' | 'limit' | 'share';

const cellValue = (r: UsageRow, key: CellColumn): string | number | null => {
  switch (key) {
    case 'account':
      return r.account;
    case 'rse':
      return r.rse;
    case 'used':
      return r.usedBytes;
    case 'files':
      return r.usedFiles;
    case 'limit':
      return r.unlimited ? Number.POSITIVE_INFINITY : r.limitBytes;
    case 'share':
      return r.usedShare;
  }
};

/** Every account × RSE with a limit or usage: used against the local limit, as a bar too. */
export function UsageCellTable({ rows }: { rows: readonly UsageRow[] }) {
  const [sort, setSort] = useState<Sort<CellColumn>>({ key: 'share', dir: 'descending' });
  const sorted = sortRows(rows, sort, cellValue, (r) => `${r.account} ${r.rse}`);
  const { visible, footer } = useShown(sorted);
  const th = (column: CellColumn, label: string, numeric = false) => (
    <SortableTh column={column} sort={sort} onSort={setSort} numeric={numeric}>
      {label}
    </SortableTh>
  );
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover aria-label="Usage per account and RSE">
          <Table.Thead>
            <Table.Tr>
              {th('account', 'Account')}
              {th('rse', 'RSE')}
              {th('used', 'Used', true)}
              {th('files', 'Files', true)}
              {th('limit', 'Local limit', true)}
              {th('share', 'Used of limit', true)}
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((r) => (
              <Table.Tr key={`${r.account} ${r.rse}`} style={{ background: rowTint(r.status) }}>
                <Table.Td>{r.account}</Table.Td>
                <Table.Td>{r.rse}</Table.Td>
                <Table.Td ta="right" title={`${formatCount(r.usedBytes)} bytes`}>
                  {formatBytes(r.usedBytes)}
                </Table.Td>
                <Table.Td ta="right">{formatCount(r.usedFiles)}</Table.Td>
                <Table.Td ta="right">{limitText(r.limitBytes, r.unlimited)}</Table.Td>
                <ShareCell
                  share={r.usedShare}
                  status={r.status}
                  label={`${r.account} on ${r.rse}`}
                />
                <Table.Td>
                  <StatusBadge status={r.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {footer}
    </>
  );
}
