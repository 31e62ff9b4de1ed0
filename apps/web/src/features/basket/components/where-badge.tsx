import { Badge, Tooltip } from '@mantine/core';
import type { BasketItem } from '@/lib/api-contract-basket.ts';
import { WHERE } from '../utils/basket-words.ts';

/** Where an item's data is, as a badge; the hint says what the word means. */
export function WhereBadge({ where }: { where: BasketItem['where'] }) {
  const { label, color, hint } = WHERE[where];
  return (
    <Tooltip label={hint} withArrow>
      <Badge variant="dot" color={color} style={{ whiteSpace: 'nowrap' }} tabIndex={0}>
        {label}
      </Badge>
    </Tooltip>
  );
}
