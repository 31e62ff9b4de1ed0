import { Anchor, Badge, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconBasket, IconBasketPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DidActionProps } from '@/components/did-actions.tsx';
import { plural } from '@/lib/format.ts';
import { useAddToBasket, useBasketCount } from '../api/basket.ts';
import { describeAdd } from '../utils/basket-words.ts';

/*
 * What the basket offers the rest of the portal, in one lazy chunk (app/routes/basket.ts).
 */

/**
 * "Add to basket" for one DID or a selection, and what the BFF did, said in a status region that
 * exists before it is filled (so screen readers announce it) with a link to the basket.
 */
export function AddToBasketButton({ dids }: DidActionProps) {
  const add = useAddToBasket();
  const label = dids.length === 1 ? 'Add to basket' : `Add ${plural(dids.length, 'DID')} to basket`;
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        leftSection={<IconBasketPlus size={14} aria-hidden />}
        loading={add.isPending}
        onClick={() => {
          add.mutate(dids);
        }}
      >
        {label}
      </Button>
      <Text size="xs" role="status" c={add.isError ? 'red' : 'dimmed'}>
        {add.isSuccess && (
          <>
            {describeAdd(add.data)}{' '}
            <Anchor component={Link} to="/basket" size="xs">
              Open the basket
            </Anchor>
          </>
        )}
        {add.isError && `Not added: ${add.error.message}`}
      </Text>
    </Group>
  );
}

/** The count beside "Basket" in the nav: seen as a badge, read as part of the link's name. */
export function BasketNavBadge() {
  const count = useBasketCount();
  const n = count.data?.count ?? 0;
  if (n === 0) return null;
  return (
    <>
      <Badge size="sm" variant="filled" circle={n < 10} aria-hidden>
        {n > 999 ? '999+' : n}
      </Badge>
      <VisuallyHidden>{plural(n, 'DID')}</VisuallyHidden>
    </>
  );
}

/** The nav's icon for the basket, loaded with this chunk rather than on every first load. */
export const BasketIcon = IconBasket;
