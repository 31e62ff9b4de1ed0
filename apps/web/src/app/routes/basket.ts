import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** The download basket; its code, the nav's count and "Add to basket" load lazily. */
export const basketRoute: PageRoute = {
  path: 'basket',
  Component: lazy(async () => ({
    default: (await import('@/features/basket/components/basket-page.tsx')).BasketPage,
  })),
};

/** What the basket offers every page, in one chunk loaded after the shell. */
const actions = () => import('@/features/basket/components/basket-actions.tsx');

export const BasketNavBadge = lazy(async () => ({ default: (await actions()).BasketNavBadge }));
export const BasketNavIcon = lazy(async () => ({ default: (await actions()).BasketIcon }));

/** Provided to every page as the DID action (components/did-actions.tsx). */
export const AddToBasket = lazy(async () => ({ default: (await actions()).AddToBasketButton }));
