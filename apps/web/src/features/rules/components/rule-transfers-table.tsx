import type { ApiResponse } from '@bdms/contract';
import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { didPath } from '@/lib/did-url.ts';
import { formatBytes, formatCount, formatInstant } from '@/lib/format.ts';
import { rsePath } from '@/lib/rse-url.ts';

type Transfer = ApiResponse<'ruleTransfers'>['transfers'][number];

const HEADERS = ['File', 'From', 'To', 'State', 'Bytes', 'Retries', 'Updated'];

/** Rucio's request states by how they read: waiting, moving, landed, failed. */
const STATE_COLOR: Record<string, string> = {
  QUEUED: 'gray',
  WAITING: 'gray',
  PREPARING: 'gray',
  SUBMITTING: 'blue',
  SUBMITTED: 'blue',
  DONE: 'teal',
  FAILED: 'red',
  SUBMISSION_FAILED: 'red',
  LOST: 'red',
  NO_SOURCES: 'orange',
  ONLY_TAPE_SOURCES: 'orange',
  MISMATCH_SCHEME: 'orange',
  SUSPEND: 'yellow',
};

function RseLink({ rse }: { rse: string | null }) {
  if (!rse)
    return (
      <Text span c="dimmed" size="sm">
        <span aria-hidden>—</span>
        <VisuallyHidden>not chosen yet</VisuallyHidden>
      </Text>
    );
  return (
    <Anchor component={Link} to={rsePath(rse)} size="sm">
      {rse}
    </Anchor>
  );
}

function StateCell({ t }: { t: Transfer }) {
  const r = t.request;
  if (!r)
    return (
      <Text span size="sm" c="dimmed">
        no request{t.lockState === 'STUCK' ? ' (stuck)' : ''}
      </Text>
    );
  return (
    <>
      <Badge variant="light" color={STATE_COLOR[r.state] ?? 'gray'} style={{ flexShrink: 0 }}>
        {r.state.replace(/_/g, ' ')}
      </Badge>
      {r.error && (
        <Text size="xs" c="red" mt={4} style={{ wordBreak: 'break-word' }}>
          {r.error}
        </Text>
      )}
    </>
  );
}

/** A rule's files that are not OK yet, each with Rucio's transfer request to the lock's RSE. */
export function RuleTransfersTable({ transfers }: { transfers: readonly Transfer[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label="Transfers of this rule">
        <Table.Thead>
          <Table.Tr>
            {HEADERS.map((h) => (
              <Table.Th
                key={h}
                scope="col"
                ta={h === 'Bytes' || h === 'Retries' ? 'right' : undefined}
              >
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transfers.map((t) => (
            <Table.Tr key={`${t.scope}:${t.name}>${t.rse}`}>
              <Table.Th scope="row" fw={400} style={{ wordBreak: 'break-all' }}>
                <Anchor component={Link} to={didPath(t)} size="sm">
                  {t.scope}:{t.name}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <RseLink rse={t.request?.source ?? null} />
              </Table.Td>
              <Table.Td>
                <RseLink rse={t.rse} />
              </Table.Td>
              <Table.Td>
                <StateCell t={t} />
              </Table.Td>
              <Table.Td
                ta="right"
                title={t.request?.bytes == null ? undefined : `${t.request.bytes} bytes`}
              >
                {formatBytes(t.request?.bytes)}
              </Table.Td>
              <Table.Td ta="right">{formatCount(t.request?.retries)}</Table.Td>
              <Table.Td>{formatInstant(t.request?.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
