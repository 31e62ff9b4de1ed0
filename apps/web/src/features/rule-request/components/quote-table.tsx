import type { ApiResponse } from '@bdms/contract';
import { Badge, Stack, Table, Text } from '@mantine/core';
import { formatBytes, formatCount, plural } from '@/lib/format.ts';

type Quote = ApiResponse<'quoteRule'>;

const limitText = (r: Quote['rses'][number]) =>
  r.unlimited ? 'unlimited' : r.limitBytes === null ? 'none set' : formatBytes(r.limitBytes);

/** Per RSE the expression resolves to: the account's limit, usage now and after one copy. */
export function QuoteTable({ quote }: { quote: Quote }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        {plural(quote.dids.length, 'DID')}: {formatCount(quote.files)} files,{' '}
        {formatBytes(quote.bytes)} per copy, charged to the Rucio account{' '}
        <strong>{quote.account}</strong>.
        {!quote.quotaChecked &&
          ' The account has Rucio’s admin attribute: Rucio checks no quota for it.'}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Quota on the resolved RSEs">
          <Table.Thead>
            <Table.Tr>
              {['RSE', 'Local limit', 'Used now', 'After a copy', 'Rucio'].map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quote.rses.map((r) => (
              <Table.Tr key={r.rse}>
                <Table.Th scope="row" fw={500}>
                  {r.rse}
                </Table.Th>
                <Table.Td>{limitText(r)}</Table.Td>
                <Table.Td>{formatBytes(r.usedBytes)}</Table.Td>
                <Table.Td c={r.exceeds ? 'red' : undefined}>
                  {formatBytes(r.afterBytes)}
                  {r.exceeds && ' (over the limit)'}
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={r.fits ? 'teal' : 'red'}>
                    {r.fits ? 'takes a copy' : 'no quota left'}
                  </Badge>
                  {r.fullGlobalLimits.length > 0 && (
                    <Text size="xs">full: {r.fullGlobalLimits.join(', ')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
