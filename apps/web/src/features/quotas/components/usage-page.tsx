import {
  EmptyState,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { plural } from '@/lib/format.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useRseTotals, useUsage } from '../api/quota-queries.ts';
import { ComputedAtLine } from './computed-at.tsx';
import { FullestChart, RseTotalsChart } from './usage-charts.tsx';
import { QuotasHeader } from './quotas-tabs.tsx';
import { UsageCellTable, UsageGroupTable } from './usage-table.tsx';

type View = 'cells' | 'account' | 'rse';

/** Admins: every account's usage on every RSE against its local limit, RSE totals, charts. */
export function UsagePage() {
  usePageTitle('Quotas');
  const usage = useUsage();
  const totals = useRseTotals();
  const [view, setView] = useState<View>('cells');
  const [filter, setFilter] = useState('');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const needle = filter.trim().toLowerCase();
  const rows = (usage.data?.rows ?? []).filter(
    (r) =>
      (!needle || r.account.includes(needle) || r.rse.toLowerCase().includes(needle)) &&
      (!onlyFlagged || r.status === 'over' || r.status === 'near'),
  );
  const flagged = usage.data?.rows.filter((r) => r.status === 'over' || r.status === 'near');
  return (
    <Stack gap="md">
      <QuotasHeader title="Quotas" aside={<ComputedAtLine at={totals.data?.computedAt} />} />
      {totals.isPending && <LoadingRows label="Loading RSE totals" rows={3} />}
      {totals.isError && (
        <QueryError
          title="Could not load the RSE totals"
          error={totals.error}
          retrying={totals.isFetching}
          onRetry={() => void totals.refetch()}
        />
      )}
      {usage.isPending && <LoadingRows label="Loading usage" rows={6} />}
      {usage.isError && (
        <QueryError
          title="Could not load the usage"
          error={usage.error}
          retrying={usage.isFetching}
          onRetry={() => void usage.refetch()}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {totals.data && <RseTotalsChart rses={totals.data.rses} />}
        {usage.data && <FullestChart rows={usage.data.rows} />}
      </SimpleGrid>
      {usage.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {plural(usage.data.accounts.length, 'account')} on{' '}
            {plural(usage.data.rses.length, 'RSE')}
            {flagged ? ` · ${plural(flagged.length, 'pair')} over or near quota` : ''}
          </Text>
          <Group gap="md" align="end">
            <SegmentedControl
              aria-label="Show usage"
              value={view}
              onChange={(v) => {
                setView(v);
              }}
              data={[
                { value: 'cells', label: 'Account × RSE' },
                { value: 'account', label: 'Per account' },
                { value: 'rse', label: 'Per RSE' },
              ]}
            />
            <TextInput
              label="Filter accounts or RSEs"
              value={filter}
              onChange={(e) => {
                setFilter(e.currentTarget.value);
              }}
              w={240}
            />
            <Switch
              label="Only over or ≥ 90 %"
              checked={onlyFlagged}
              onChange={(e) => {
                setOnlyFlagged(e.currentTarget.checked);
              }}
            />
          </Group>
          {rows.length === 0 ? (
            <EmptyState
              icon={<IconDatabase size={28} aria-hidden />}
              withIndicatorBackground
              title="Nothing to show"
              description={
                usage.data.rows.length === 0
                  ? 'No account has a local limit or stores anything yet.'
                  : 'No account or RSE matches the filter.'
              }
            />
          ) : view === 'cells' ? (
            <UsageCellTable rows={rows} />
          ) : (
            <UsageGroupTable rows={rows} by={view} />
          )}
        </>
      )}
    </Stack>
  );
}
