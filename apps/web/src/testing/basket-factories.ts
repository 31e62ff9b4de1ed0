import type { Basket, BasketItem } from '@/lib/api-contract-basket.ts';

export const BASKET_FILE = {
  scope: 'acada',
  name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03/SUB002_CHUNK000.fits.fz',
};
export const BASKET_DATASET = { scope: 'acada', name: '/ctao/acada/DL0/LSTN-01/2025/06/21' };

export const makeBasketItem = (overrides: Partial<BasketItem> = {}): BasketItem => ({
  ...BASKET_FILE,
  type: 'FILE',
  addedAt: '2026-12-03T14:00:00.000Z',
  files: 1,
  bytes: 4853,
  bytesTapeOnly: 0,
  where: 'disk',
  sizeSource: 'exact',
  whereSource: 'exact',
  ...overrides,
});

/** A file on disk and a dataset only on tape, with their totals. */
export const makeBasket = (items?: BasketItem[]): Basket => {
  const list = items ?? [
    makeBasketItem(),
    makeBasketItem({
      ...BASKET_DATASET,
      type: 'DATASET',
      files: 4,
      bytes: 13_742_000_000,
      bytesTapeOnly: 13_742_000_000,
      where: 'tape-only',
      sizeSource: 'dataset_replicas',
      whereSource: 'dataset_replicas',
    }),
  ];
  const sum = (pick: (i: BasketItem) => number | null) =>
    list.reduce((s, i) => s + (pick(i) ?? 0), 0);
  return {
    items: list,
    totals: {
      dids: list.length,
      files: sum((i) => i.files),
      bytes: sum((i) => i.bytes),
      bytesTapeOnly: sum((i) => i.bytesTapeOnly),
      exact: list.every((i) => i.sizeSource === 'exact' && i.whereSource === 'exact'),
      unknown: 0,
    },
    max: 10_000,
    fetchedAt: '2026-12-03T14:01:00.000Z',
  };
};

export const basketChange = (
  change: Partial<Record<'added' | 'already' | 'removed', unknown[]>> & { count: number },
) => ({
  added: [],
  already: [],
  removed: [],
  max: 10_000,
  ...change,
});
