/**
 * Twins of the basket routes (see api-contract.ts for why twins): only the basket's lazy chunks
 * import them, so no page's first load carries them.
 */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';

const Int = z.int();
const Did = z.object({ scope: z.string(), name: z.string() });
const Source = z.enum(['exact', 'dataset_replicas', 'unknown']);

export const BasketItem = z.object({
  scope: z.string(),
  name: z.string(),
  type: z.enum(['FILE', 'DATASET', 'CONTAINER']),
  addedAt: z.string(),
  files: z.nullable(Int),
  bytes: z.nullable(z.number()),
  bytesTapeOnly: z.nullable(z.number()),
  where: z.enum(['disk', 'tape-only', 'partial', 'none', 'unknown']),
  sizeSource: Source,
  whereSource: Source,
});
export type BasketItem = z.infer<typeof BasketItem>;

export const Basket = z.object({
  items: z.array(BasketItem),
  totals: z.object({
    dids: Int,
    files: Int,
    bytes: z.number(),
    bytesTapeOnly: z.number(),
    exact: z.boolean(),
    unknown: Int,
  }),
  max: Int,
  fetchedAt: z.string(),
});
export type Basket = z.infer<typeof Basket>;

const BasketChange = z.object({
  added: z.array(Did),
  already: z.array(Did),
  removed: z.array(Did),
  count: Int,
  max: Int,
});
export type BasketChange = z.infer<typeof BasketChange>;

const BasketCount = z.object({ count: Int, max: Int });

/** Keyed like the contract's `api`. */
export const basketApi = {
  getBasket: { method: 'get', path: '/api/basket', response: Basket },
  basketCount: { method: 'get', path: '/api/basket/count', response: BasketCount },
  addToBasket: { method: 'post', path: '/api/basket/items', response: BasketChange },
  removeFromBasket: { method: 'delete', path: '/api/basket/items', response: BasketChange },
  emptyBasket: { method: 'delete', path: '/api/basket', response: BasketChange },
} as const satisfies { [K in keyof Api]?: ClientRoute };
