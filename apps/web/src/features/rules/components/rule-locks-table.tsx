import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount } from '@/lib/format.ts';
import { rsePath } from '@/lib/rse-url.ts';
import { LockProgress } from './lock-progress.tsx';

interface RseLocks {
  rse: string;
  ok: number;
  replicating: number;
  stuck: number;
}

const HEADERS = ['RSE', 'OK', 'Replicating', 'Stuck', 'Progress'];

/** A rule's file locks per RSE, each RSE a link to its page. */
export function RuleLocksTable({ locks }: { locks: readonly RseLocks[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label="Locks per RSE">
        <Table.Thead>
          <Table.Tr>
            {HEADERS.map((h) => (
              <Table.Th
                key={h}
                scope="col"
                ta={h === 'RSE' || h === 'Progress' ? undefined : 'right'}
              >
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locks.map((l) => (
            <Table.Tr key={l.rse}>
              <Table.Th scope="row">
                <Anchor component={Link} to={rsePath(l.rse)}>
                  {l.rse}
                </Anchor>
              </Table.Th>
              <Table.Td ta="right">{formatCount(l.ok)}</Table.Td>
              <Table.Td ta="right">{formatCount(l.replicating)}</Table.Td>
              <Table.Td ta="right">{formatCount(l.stuck)}</Table.Td>
              <Table.Td>
                <LockProgress locks={l} label={l.rse} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
