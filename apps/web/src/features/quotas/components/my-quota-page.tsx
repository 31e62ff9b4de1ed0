import { EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconGauge } from '@tabler/icons-react';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { formatBytes, formatCount } from '@/lib/format.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useMyQuota, useRseTotals } from '../api/quota-queries.ts';
import type { QuotaStatus } from '../utils/usage-views.ts';
import { rowTint, ShareCell, StatusBadge } from './quota-bits.tsx';
import { ComputedAtLine } from './computed-at.tsx';

interface Row {
  place: string;
  usedBytes: number;
  usedFiles: number;
  limitBytes: number | null;
  unlimited: boolean;
  usedShare: number | null;
  status: QuotaStatus;
}

const limitWords = (r: Row) =>
  r.unlimited ? 'Unlimited' : r.status === 'none' ? 'None (0 B)' : formatBytes(r.limitBytes);

function QuotaTable({ rows, label, place }: { rows: Row[]; label: string; place: string }) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{place}</Table.Th>
            <Table.Th ta="right">Used</Table.Th>
            <Table.Th ta="right">Files</Table.Th>
            <Table.Th ta="right">Limit</Table.Th>
            <Table.Th ta="right">Used of limit</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.place} style={{ background: rowTint(r.status) }}>
              <Table.Td>{r.place}</Table.Td>
              <Table.Td ta="right">{formatBytes(r.usedBytes)}</Table.Td>
              <Table.Td ta="right">{formatCount(r.usedFiles)}</Table.Td>
              <Table.Td ta="right">{limitWords(r)}</Table.Td>
              <ShareCell share={r.usedShare} status={r.status} label={r.place} />
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every user: their account's local limits per RSE and global limits per expression, with usage. */
export function MyQuotaPage() {
  usePageTitle('My quota');
  const mine = useMyQuota();
  const totals = useRseTotals();
  const data = mine.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1}>My quota</Title>
        <ComputedAtLine at={totals.data?.computedAt} />
      </Group>
      {mine.isPending && <LoadingRows label="Loading your quota" rows={4} />}
      {mine.isError && (
        <QueryError
          title="Could not load your quota"
          error={mine.error}
          retrying={mine.isFetching}
          onRetry={() => void mine.refetch()}
        />
      )}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            Limits of the Rucio account <strong>{data.account}</strong>. Where it has no local
            limit, Rucio accepts no new rule for it unless a global limit covers the RSE.
          </Text>
          <Title order={2} size="h3">
            Per RSE (local limits)
          </Title>
          {data.local.length === 0 ? (
            <EmptyState
              icon={<IconGauge size={28} aria-hidden />}
              withIndicatorBackground
              title="No local limits"
              description="Your account has no local limit and stores nothing on any RSE."
            />
          ) : (
            <QuotaTable
              label="My local limits"
              place="RSE"
              rows={data.local.map((l) => ({ ...l, place: l.rse }))}
            />
          )}
          <Title order={2} size="h3">
            Per RSE expression (global limits)
          </Title>
          {data.global.length === 0 ? (
            <Text size="sm" c="dimmed">
              No global limit is set for your account.
            </Text>
          ) : (
            <QuotaTable
              label="My global limits"
              place="RSE expression"
              rows={data.global.map((g) => ({ ...g, place: g.expression }))}
            />
          )}
        </>
      )}
    </Stack>
  );
}
