import { EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { Notice } from '@/components/notice.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { UpdatedAt } from '@/components/updated-at.tsx';
import { plural } from '@/lib/format.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useRules } from '../api/get-rules.ts';
import {
  LIVE_REFRESH_MS,
  isMoving,
  isStateFilter,
  type RuleStateFilter,
} from '../utils/rule-state.ts';
import { RulesFilters } from './rules-filters.tsx';
import { RulesTable } from './rules-table.tsx';

/**
 * The replication rules of the signed-in account (admins: of any account), filtered by state;
 * both in the URL. Refreshes itself while a rule replicates.
 */
export function RulesPage({ isAdmin }: { isAdmin: boolean }) {
  usePageTitle('Rules');
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const state = isStateFilter(raw) ? raw : undefined;
  const account = (isAdmin && params.get('account')) || '';
  const rules = useRules({ state, ...(account ? { account } : {}) });
  const set = (key: string, value: string | undefined) => {
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
  const list = rules.data;
  const moving = list?.rules.some(isMoving) ?? false;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1}>Rules</Title>
        <UpdatedAt
          at={rules.dataUpdatedAt}
          refreshing={rules.isFetching}
          every={moving && LIVE_REFRESH_MS}
        />
      </Group>
      <RulesFilters
        key={account}
        state={state}
        onState={(s: RuleStateFilter | undefined) => {
          set('state', s);
        }}
        account={account}
        onAccount={(a) => {
          set('account', a);
        }}
        isAdmin={isAdmin}
      />
      {rules.isPending && <LoadingRows label="Loading rules" rows={4} />}
      {rules.isError && (
        <QueryError
          title="Could not load the rules"
          error={rules.error}
          retrying={rules.isFetching}
          onRetry={() => void rules.refetch()}
        />
      )}
      {list && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {plural(list.rules.length, 'rule')} of account <strong>{list.account}</strong>
          {list.state ? ` in state ${list.state.replace('_', ' ')}` : ''}
        </Text>
      )}
      {list?.truncated && (
        <Notice kind="info" title="Only the first rules are shown">
          The account has more rules than one page lists; filter by state to see the others.
        </Notice>
      )}
      {list && list.rules.length === 0 && (
        <EmptyState
          icon={<IconListCheck size={28} aria-hidden />}
          withIndicatorBackground
          title="No rules"
          description={
            state
              ? `No rule of ${list.account} is in this state.`
              : `${list.account} has no replication rules.`
          }
        />
      )}
      {list && list.rules.length > 0 && (
        <div style={{ opacity: rules.isPlaceholderData ? 0.6 : 1 }}>
          <RulesTable rules={list.rules} />
        </div>
      )}
    </Stack>
  );
}
