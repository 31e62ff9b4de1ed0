import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { Basket } from '@/lib/api-contract-basket.ts';
import { formatBytes, formatCount } from '@/lib/format.ts';

function Figure({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={700} title={title}>
        {value}
      </Text>
    </Paper>
  );
}

/** The basket's totals, and where the figures come from. */
export function BasketTotals({ totals }: { totals: Basket['totals'] }) {
  return (
    <section aria-label="Basket totals">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label="DIDs" value={formatCount(totals.dids)} />
        <Figure label="Files" value={formatCount(totals.files)} />
        <Figure label="Size" value={formatBytes(totals.bytes)} title={`${totals.bytes} bytes`} />
        <Figure
          label="On tape only"
          value={formatBytes(totals.bytesTapeOnly)}
          title={`${totals.bytesTapeOnly} bytes`}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={6}>
        {totals.exact
          ? 'Exact: from the DID records and file replicas, as Rucio lists them now.'
          : "Files are counted from their replicas now; datasets and containers from Rucio's dataset-replica table, which its daemon updates later (it lags)."}
        {totals.unknown > 0 &&
          ` ${formatCount(totals.unknown)} of the DIDs have no figures from Rucio and are left out.`}{' '}
        A file in the basket with a dataset that holds it counts in both.
      </Text>
    </section>
  );
}
