import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { didPath, didString } from '@/lib/did-url.ts';
import { formatInstant } from '@/lib/format.ts';
import { rulePath } from '@/lib/rule-url.ts';
import type { Rule } from '../utils/rule-state.ts';
import { LockProgress } from './lock-progress.tsx';
import { RuleStateBadge } from './rule-state-badge.tsx';

const HEADERS = [
  'State',
  'DID',
  'RSE expression',
  'Progress',
  'Copies',
  'Expires',
  'Created',
  'Rule',
];

function RuleRow({ rule }: { rule: Rule }) {
  return (
    <Table.Tr data-rule-id={rule.id}>
      <Table.Td>
        <RuleStateBadge rule={rule} />
      </Table.Td>
      <Table.Td miw={260} maw={420}>
        <Anchor
          component={Link}
          to={didPath(rule.on)}
          ff="monospace"
          size="sm"
          title={didString(rule.on)}
          style={{ wordBreak: 'break-all' }}
        >
          {didString(rule.on)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <code>{rule.rseExpression}</code>
      </Table.Td>
      <Table.Td>
        <LockProgress locks={rule.locks} />
      </Table.Td>
      <Table.Td ta="right">{rule.copies}</Table.Td>
      <Table.Td>{rule.expiresAt ? formatInstant(rule.expiresAt) : 'never'}</Table.Td>
      <Table.Td>{formatInstant(rule.createdAt)}</Table.Td>
      <Table.Td>
        {/* Short on screen, whole for screen readers (named by its content, not aria-label). */}
        <Anchor component={Link} to={rulePath(rule.id)} size="xs" ff="monospace" title={rule.id}>
          <span aria-hidden>{rule.id.slice(0, 8)}…</span>
          <VisuallyHidden>Rule {rule.id}</VisuallyHidden>
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}

/** An account's rules, each with its progress and a link to its DID and to its own page. */
export function RulesTable({ rules }: { rules: readonly Rule[] }) {
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped aria-label="Rules">
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
          {rules.map((rule) => (
            <RuleRow key={rule.id} rule={rule} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
