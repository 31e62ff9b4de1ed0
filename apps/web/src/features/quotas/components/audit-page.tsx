import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDownload, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { formatInstant } from '@/lib/format.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useAudit } from '../api/quota-queries.ts';
import { describeLimit } from '../utils/limit-form.ts';
import { QuotasHeader } from './quotas-tabs.tsx';

const FILTERS = ['account', 'rse', 'actor', 'result', 'from', 'to'] as const;
const RESULT_COLOR = {
  accepted: 'teal',
  refused: 'red',
  unchanged: 'gray',
  pending: 'yellow',
} as const;

/** A date input (YYYY-MM-DD) → the ISO instant the BFF filters on (start of that UTC day). */
const dayStart = (day: string) => (day ? `${day}T00:00:00Z` : '');

/** Admins: every limit change, newest first, filtered (in the URL), a page at a time, as CSV. */
export function AuditPage() {
  usePageTitle('Quota audit');
  const [params, setParams] = useSearchParams();
  const filter: Record<string, string> = {};
  for (const key of FILTERS) {
    const v = params.get(key);
    if (v) filter[key] = key === 'from' || key === 'to' ? dayStart(v) : v;
  }
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const audit = useAudit({ ...filter, ...(cursor ? { cursor } : {}) });
  const set = (key: string, value: string | null) => {
    setCursors([]);
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  const field = (key: (typeof FILTERS)[number], label: string, type = 'text') => (
    <TextInput
      key={`${key}-${params.get(key) ?? ''}`}
      label={label}
      type={type}
      defaultValue={params.get(key) ?? ''}
      onBlur={(e) => {
        set(key, e.currentTarget.value.trim() || null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') set(key, e.currentTarget.value.trim() || null);
      }}
      w={type === 'date' ? 160 : 180}
    />
  );
  const exportUrl = `/api/quotas/audit/export?${new URLSearchParams(filter).toString()}`;
  const entries = audit.data?.entries;
  return (
    <Stack gap="md">
      <QuotasHeader
        title="Quota audit"
        aside={
          <Anchor href={exportUrl} download>
            <Group gap={4}>
              <IconDownload size={16} aria-hidden />
              Export CSV
            </Group>
          </Anchor>
        }
      />
      <Group align="end" gap="sm">
        {field('account', 'Account')}
        {field('rse', 'RSE')}
        {field('actor', 'Changed by')}
        <NativeSelect
          label="Result"
          data={[
            { value: '', label: 'Any' },
            ...['accepted', 'refused', 'unchanged', 'pending'].map((v) => ({ value: v, label: v })),
          ]}
          value={params.get('result') ?? ''}
          onChange={(e) => {
            set('result', e.currentTarget.value || null);
          }}
          w={150}
        />
        {field('from', 'From (UTC day)', 'date')}
        {field('to', 'Before (UTC day)', 'date')}
      </Group>
      {audit.isPending && <LoadingRows label="Loading the audit trail" rows={6} />}
      {audit.isError && (
        <QueryError
          title="Could not load the audit trail"
          error={audit.error}
          retrying={audit.isFetching}
          onRetry={() => void audit.refetch()}
        />
      )}
      {entries && entries.length === 0 && (
        <EmptyState
          icon={<IconHistory size={28} aria-hidden />}
          withIndicatorBackground
          title="No changes"
          description="No limit change matches these filters."
        />
      )}
      {entries && entries.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table
            striped
            aria-label="Limit changes"
            style={{ opacity: audit.isPlaceholderData ? 0.6 : 1 }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Changed by</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th>Where</Table.Th>
                <Table.Th>Before → after</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Request id</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatInstant(e.at)}</Table.Td>
                  <Table.Td>
                    {e.actor.username ?? e.actor.sub}
                    <Text size="xs" c="dimmed">
                      as {e.actor.account}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.account}</Table.Td>
                  <Table.Td>
                    {e.kind === 'local' ? e.rse : e.expression}
                    <Text size="xs" c="dimmed">
                      {e.kind} {e.action}
                      {e.kind === 'global' && e.resolvedRses.length > 0
                        ? ` · ${e.resolvedRses.join(', ')}`
                        : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {describeLimit(e.before)} → {describeLimit(e.after)}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={RESULT_COLOR[e.result]}>
                      {e.result}
                    </Badge>
                    {e.message && (
                      <Text size="xs" c="dimmed">
                        {e.message}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {e.requestId}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between">
        <Button
          variant="default"
          disabled={cursors.length === 0}
          onClick={() => {
            setCursors((c) => c.slice(0, -1));
          }}
        >
          Newer
        </Button>
        <Text size="sm" c="dimmed">
          Page {cursors.length + 1}
        </Text>
        <Button
          variant="default"
          disabled={!audit.data?.nextCursor}
          onClick={() => {
            const next = audit.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          Older
        </Button>
      </Group>
    </Stack>
  );
}
