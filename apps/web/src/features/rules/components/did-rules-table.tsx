import type { ApiResponse } from '@bdms/contract';
import { Anchor, EmptyState, Stack, Table, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { didPath, didString, type DidRef } from '@/lib/did-url.ts';
import { rulePath } from '@/lib/rule-url.ts';
import { formatInstant } from '@/lib/format.ts';
import { useDidRules } from '../api/get-did-rules.ts';
import { RuleStateBadge } from './rule-state-badge.tsx';

type Rule = ApiResponse<'didRules'>['rules'][number];

const HEADERS = [
  'State',
  'On',
  'RSE expression',
  'Copies',
  'Locks',
  'Account',
  'Created',
  'Expires',
  'Rule id',
];

/** The DID the rule names: this one, or a dataset or container above it (a link). */
function RuleTarget({ rule }: { rule: Rule }) {
  if (rule.direct)
    return (
      <Text size="sm" c="dimmed">
        this DID
      </Text>
    );
  return (
    <Stack gap={2}>
      <Anchor
        component={Link}
        to={didPath(rule.on)}
        ff="monospace"
        size="sm"
        title={didString(rule.on)}
        style={{ wordBreak: 'break-all' }}
      >
        {rule.on.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        via its {rule.on.type ? rule.on.type.toLowerCase() : 'parent'}
      </Text>
    </Stack>
  );
}

function RuleRow({ rule }: { rule: Rule }) {
  const { ok, replicating, stuck } = rule.locks;
  return (
    <Table.Tr>
      <Table.Td>
        <RuleStateBadge rule={rule} />
      </Table.Td>
      <Table.Td maw={320}>
        <RuleTarget rule={rule} />
      </Table.Td>
      <Table.Td>
        <code>{rule.rseExpression}</code>
      </Table.Td>
      <Table.Td ta="right">{rule.copies}</Table.Td>
      <Table.Td>
        <Text size="sm" span>
          {ok} OK · {replicating} replicating · {stuck} stuck
        </Text>
      </Table.Td>
      <Table.Td>{rule.account}</Table.Td>
      <Table.Td>{formatInstant(rule.createdAt)}</Table.Td>
      <Table.Td>{rule.expiresAt ? formatInstant(rule.expiresAt) : 'never'}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={rulePath(rule.id)} size="xs" ff="monospace">
          {rule.id}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The replication rules that keep the DID's replicas, with their states and how many locks are
 * done: those placed on it, and for a file those on its datasets and containers ("On" says which).
 */
export function DidRulesTable({ did }: { did: DidRef }) {
  const rules = useDidRules(did);
  if (rules.isPending) return <LoadingRows label="Loading rules" />;
  if (rules.isError)
    return (
      <QueryError
        title="Could not load the rules"
        error={rules.error}
        retrying={rules.isFetching}
        onRetry={() => void rules.refetch()}
      />
    );
  if (rules.data.length === 0)
    return (
      <EmptyState
        icon={<IconListCheck size={28} aria-hidden />}
        withIndicatorBackground
        title="No rules on this DID"
        description="No replication rule names it, nor (for a file) holds it through a dataset or container above it."
      />
    );
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped aria-label="Replication rules">
        <Table.Thead>
          <Table.Tr>
            {HEADERS.map((h) => (
              <Table.Th key={h} scope="col" ta={h === 'Copies' ? 'right' : undefined}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.data.map((rule) => (
            <RuleRow key={rule.id} rule={rule} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
