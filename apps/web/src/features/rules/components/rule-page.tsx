import {
  Anchor,
  Badge,
  EmptyState,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Notice } from '@/components/notice.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { UpdatedAt } from '@/components/updated-at.tsx';
import { didPath, didString } from '@/lib/did-url.ts';
import { formatInstant, plural } from '@/lib/format.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useRule } from '../api/get-rule.ts';
import { LIVE_REFRESH_MS, STATE_COLOR, isMoving, stateLabel } from '../utils/rule-state.ts';
import { LockProgress } from './lock-progress.tsx';
import { RuleLocksTable } from './rule-locks-table.tsx';
import { RuleTransfers } from './rule-transfers.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </div>
  );
}

/** One rule: what it keeps where, its state and progress, and its locks per RSE, kept live. */
export function RulePage() {
  const id = useParams().id ?? '';
  usePageTitle(`Rule ${id.slice(0, 8)}`);
  const details = useRule(id);
  const d = details.data;
  const rule = d?.rule;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="baseline">
        <Title order={1} style={{ wordBreak: 'break-all' }}>
          Rule <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{id}</span>
        </Title>
        <Group gap="md">
          <UpdatedAt
            at={details.dataUpdatedAt}
            refreshing={details.isFetching}
            every={rule && isMoving(rule) && LIVE_REFRESH_MS}
          />
          <Anchor component={Link} to="/rules">
            All rules
          </Anchor>
        </Group>
      </Group>
      {details.isPending && <Skeleton h={200} role="status" aria-label="Loading the rule" />}
      {details.isError && (
        <QueryError
          title={`Could not load rule ${id}`}
          error={details.error}
          retrying={details.isFetching}
          onRetry={() => void details.refetch()}
        />
      )}
      {d && rule && (
        <>
          <Group gap="sm">
            <Badge color={STATE_COLOR[rule.state]} variant="dot" size="lg">
              {stateLabel(rule.state)}
            </Badge>
            <LockProgress locks={rule.locks} label="This rule" />
          </Group>
          {rule.error && (
            <Notice kind="error" title="Rucio reports a problem">
              {rule.error}
            </Notice>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <Fact label="DID">
              <Anchor component={Link} to={didPath(rule.on)} ff="monospace" size="sm">
                {didString(rule.on)}
              </Anchor>
            </Fact>
            <Fact label="Account">{rule.account}</Fact>
            <Fact label="RSE expression">
              <code>{rule.rseExpression}</code>
            </Fact>
            <Fact label="Copies">{rule.copies}</Fact>
            <Fact label="Grouping">{rule.grouping ?? '—'}</Fact>
            <Fact label="Activity">{rule.activity ?? '—'}</Fact>
            <Fact label="Created">{formatInstant(rule.createdAt)}</Fact>
            <Fact label="Expires">{rule.expiresAt ? formatInstant(rule.expiresAt) : 'never'}</Fact>
            <Fact label="Locked">{rule.locked ? 'yes (cannot be deleted)' : 'no'}</Fact>
            <Fact label="Comment">{rule.comment ?? '—'}</Fact>
          </SimpleGrid>
          <Stack gap="xs" component="section" aria-label="Locks per RSE">
            <Title order={2} size="h4">
              Locks per RSE
            </Title>
            <Text size="sm" c="dimmed">
              {plural(d.files, 'file lock')} over {plural(d.locks.length, 'RSE')}
            </Text>
            {d.locks.length === 0 ? (
              <EmptyState
                icon={<IconLock size={28} aria-hidden />}
                withIndicatorBackground
                title="No locks yet"
                description="Rucio has not placed this rule's files on any RSE yet."
              />
            ) : (
              <RuleLocksTable locks={d.locks} />
            )}
          </Stack>
          {rule.state !== 'OK' && <RuleTransfers id={id} live={rule.state === 'REPLICATING'} />}
        </>
      )}
    </Stack>
  );
}
