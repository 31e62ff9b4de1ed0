import { Badge, Group, Progress, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatBytes } from '@/lib/format.ts';
import { STATUS_LOOK, formatShare, type QuotaStatus, type Sort } from '../utils/usage-views.ts';

/** 0–100 with one decimal: aria-valuetext must not read 9.2e-7 %. */
export const percent = (share: number): number => Math.min(100, Math.round(share * 1000) / 10);

export function StatusBadge({ status }: { status: QuotaStatus }) {
  const look = STATUS_LOOK[status];
  return (
    // A dot badge (dark text) stays readable on the tinted rows in both colour schemes.
    <Badge
      color={look.color}
      variant={status === 'over' ? 'filled' : 'dot'}
      size="sm"
      w="max-content"
      maw="none"
    >
      {look.label}
    </Badge>
  );
}

/** A limit as text: bytes, "Unlimited", or "—" when none is set. */
export function limitText(limitBytes: number | null, unlimited: boolean): string {
  if (unlimited) return 'Unlimited';
  return limitBytes === null ? '—' : formatBytes(limitBytes);
}

/** Used against the limit as a bar (a progress bar with its own name), red over, orange from 90 %. */
export function UsageBar({
  share,
  status,
  label,
}: {
  share: number | null;
  status: QuotaStatus;
  label: string;
}) {
  if (share === null)
    return (
      <Text size="xs" c="dimmed">
        {STATUS_LOOK[status].label}
      </Text>
    );
  return (
    <Progress
      value={percent(share)}
      color={STATUS_LOOK[status].color}
      size="lg"
      radius="sm"
      aria-label={`${label}: ${formatShare(share)} of the limit`}
      w={120}
    />
  );
}

/** A table cell: the share in words and as a bar. */
export function ShareCell({
  share,
  status,
  label,
}: {
  share: number | null;
  status: QuotaStatus;
  label: string;
}) {
  return (
    <Table.Td>
      <Group justify="flex-end" gap="xs" wrap="nowrap">
        <Text size="sm">{formatShare(share)}</Text>
        <UsageBar share={share} status={status} label={label} />
      </Group>
    </Table.Td>
  );
}

/** A column header that sorts: a button inside the th, aria-sort on the th. */
export function SortableTh<K extends string>({
  column,
  sort,
  onSort,
  children,
  numeric = false,
}: {
  column: K;
  sort: Sort<K>;
  onSort: (s: Sort<K>) => void;
  children: ReactNode;
  numeric?: boolean;
}) {
  const active = sort.key === column;
  const Icon = !active ? IconArrowsSort : sort.dir === 'ascending' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th
      aria-sort={active ? sort.dir : 'none'}
      style={{ textAlign: numeric ? 'right' : 'left' }}
    >
      <UnstyledButton
        onClick={() => {
          onSort({
            key: column,
            dir: active && sort.dir === 'descending' ? 'ascending' : 'descending',
          });
        }}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600 }}
      >
        {children}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}

/** Row highlight for over (red) and near (orange) quota, readable in both colour schemes. */
export const rowTint = (status: QuotaStatus): string | undefined =>
  status === 'over'
    ? 'var(--mantine-color-red-light)'
    : status === 'near'
      ? 'var(--mantine-color-orange-light)'
      : undefined;
