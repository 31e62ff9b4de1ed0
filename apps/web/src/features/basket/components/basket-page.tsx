import { Anchor, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconBasket, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { GetDataPanel } from '@/components/get-data/get-data-panel.tsx';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { UpdatedAt } from '@/components/updated-at.tsx';
import { didString } from '@/lib/did-url.ts';
import { plural } from '@/lib/format.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useBasket, useRemoveFromBasket } from '../api/basket.ts';
import { BasketTable } from './basket-table.tsx';
import { BasketTotals } from './basket-totals.tsx';
import { EmptyBasketButton } from './empty-basket-button.tsx';

/** Keys of the items selected, forgetting those no longer in the basket. */
function useSelection(keys: readonly string[]) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const selected = new Set(keys.filter((k) => chosen.has(k)));
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (!next.delete(key)) next.add(key);
    setChosen(next);
  };
  const toggleAll = () => {
    setChosen(selected.size === keys.length ? new Set() : new Set(keys));
  };
  return {
    selected,
    toggle,
    toggleAll,
    clear: () => {
      setChosen(new Set());
    },
  };
}

/** /basket — the DIDs collected across searches and pages, their totals, and where the data is. */
export function BasketPage() {
  usePageTitle('Basket');
  const basket = useBasket();
  const remove = useRemoveFromBasket();
  const items = basket.data?.items ?? [];
  const selection = useSelection(items.map(didString));
  const chosen = items.filter((i) => selection.selected.has(didString(i)));
  const heading = <Title order={1}>Basket</Title>;
  if (basket.isPending)
    return (
      <Stack gap="md">
        {heading}
        <LoadingRows label="Loading the basket" rows={5} />
      </Stack>
    );
  if (basket.isError)
    return (
      <Stack gap="md">
        {heading}
        <QueryError
          title="Could not load the basket"
          error={basket.error}
          retrying={basket.isFetching}
          onRetry={() => void basket.refetch()}
        />
      </Stack>
    );
  if (items.length === 0)
    return (
      <Stack gap="md">
        {heading}
        <EmptyState
          icon={<IconBasket size={28} aria-hidden />}
          withIndicatorBackground
          title="Your basket is empty"
          description={
            <>
              Add DIDs from a DID page, or select results on the{' '}
              <Anchor component={Link} to="/search">
                search page
              </Anchor>{' '}
              and add them: they stay here across searches and sessions.
            </>
          }
        />
      </Stack>
    );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        {heading}
        <UpdatedAt at={basket.dataUpdatedAt} refreshing={basket.isFetching} every={false} />
      </Group>
      <BasketTotals totals={basket.data.totals} />
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconX size={14} aria-hidden />}
          disabled={chosen.length === 0}
          loading={remove.isPending}
          onClick={() => {
            remove.mutate(chosen, { onSuccess: selection.clear });
          }}
        >
          {chosen.length > 0
            ? `Remove ${plural(chosen.length, 'selected DID')}`
            : 'Remove selected'}
        </Button>
        <EmptyBasketButton count={items.length} />
        <Text size="xs" c="dimmed">
          {plural(items.length, 'DID')} of the {basket.data.max.toLocaleString('en-GB')} a basket
          holds
        </Text>
      </Group>
      {remove.isError && (
        <Text size="sm" c="red" role="alert">
          Could not remove them: {remove.error.message}
        </Text>
      )}
      <BasketTable
        items={items}
        selected={selection.selected}
        onToggle={selection.toggle}
        onToggleAll={selection.toggleAll}
      />
      <section aria-labelledby="basket-get-data">
        <Title order={2} size="h4" id="basket-get-data" mb="xs">
          Get the data
        </Title>
        <GetDataPanel
          scriptUrl={(format) => `/api/basket/script?format=${format}`}
          bundleUrl="/api/basket/bundle"
          expectedFiles={basket.data.totals.unknown === 0 ? basket.data.totals.files : null}
        />
      </section>
    </Stack>
  );
}
