import { Badge, Table, Text } from '@mantine/core';
import { formatBytes } from '@/lib/format.ts';
import { describeLimit } from '../utils/limit-form.ts';

type Limit = number | 'unlimited' | null;
interface Where {
  row: number;
  account: string;
  rse: string | null;
  expression: string | null;
}

const ACTION_COLOR = { set: 'blue', delete: 'grape', unchanged: 'gray', invalid: 'red' } as const;
const STATUS_COLOR = {
  applied: 'teal',
  unchanged: 'gray',
  failed: 'red',
  not_applied: 'orange',
} as const;

const place = (r: Where) => r.rse ?? r.expression ?? '—';

/** The dry run: each row's before → after, usage, and what is wrong with it. */
export function BulkPreviewTable({
  rows,
}: {
  rows: readonly (Where & {
    before: Limit;
    after: Limit;
    usedBytes: number | null;
    action: keyof typeof ACTION_COLOR;
    belowUsage: boolean;
    problems: readonly { field: string; message: string }[];
  })[];
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label="Preview of the bulk edit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>RSE or expression</Table.Th>
            <Table.Th>Before → after</Table.Th>
            <Table.Th ta="right">Used</Table.Th>
            <Table.Th>Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.account}</Table.Td>
              <Table.Td>{place(r)}</Table.Td>
              <Table.Td>
                {describeLimit(r.before)} → {describeLimit(r.after)}
                {r.belowUsage && (
                  <Text size="xs" c="orange">
                    below what it stores
                  </Text>
                )}
                {r.problems.map((p) => (
                  <Text key={p.field + p.message} size="xs" c="red">
                    {p.field}: {p.message}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td ta="right">{formatBytes(r.usedBytes)}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="dot" color={ACTION_COLOR[r.action]}>
                  {r.action}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What applying did, row by row (a failure part-way names what was and was not applied). */
export function BulkResultTable({
  rows,
}: {
  rows: readonly (Where & {
    before: Limit;
    after: Limit;
    status: keyof typeof STATUS_COLOR;
    message: string | null;
  })[];
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label="Result of the bulk edit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>RSE or expression</Table.Th>
            <Table.Th>Before → after</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.account}</Table.Td>
              <Table.Td>{place(r)}</Table.Td>
              <Table.Td>
                {describeLimit(r.before)} → {describeLimit(r.after)}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="dot" color={STATUS_COLOR[r.status]}>
                  {r.status.replace('_', ' ')}
                </Badge>
                {r.message && (
                  <Text size="xs" c="dimmed">
                    {r.message}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
