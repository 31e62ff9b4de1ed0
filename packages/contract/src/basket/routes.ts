import { errors, INPUT_ERRORS, route, RUCIO_ERRORS, SESSION_ERRORS } from '../route-def.ts';
import { Basket, BasketChange, BasketCount, BasketDids } from './schemas.ts';

/** Changes need X-CSRF: 1 and the portal's origin (the CSRF middleware). */
const CHANGE = { 403: ['csrf_rejected'] } as const;

/** The download basket, per user, in the portal database (issue 8, item 1). */
export const basketRoutes = {
  getBasket: route({
    method: 'get',
    path: '/api/basket',
    summary:
      "The user's basket: each DID with its files, bytes and where the data is (disk, tape only, partial, none), and the totals. Asks Rucio in bulk: DID records 1 000 at a time, the files' replicas in one list per 1 000, the datasets from Rucio's dataset-replica table (it lags; each figure says where it comes from), containers through their datasets.",
    auth: true,
    response: Basket,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS, { 403: ['forbidden'] }),
  }),
  basketCount: route({
    method: 'get',
    path: '/api/basket/count',
    summary: 'How many DIDs the basket holds (the portal database only; Rucio is not asked)',
    auth: true,
    response: BasketCount,
    errors: SESSION_ERRORS,
  }),
  addToBasket: route({
    method: 'post',
    path: '/api/basket/items',
    summary:
      'Add up to 1 000 DIDs. Adding a DID twice keeps one. 400 naming the DIDs Rucio does not know (one bulk call); 409 when the basket would hold more than its maximum.',
    auth: true,
    body: BasketDids,
    response: BasketChange,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, CHANGE, {
      403: ['forbidden'],
      409: ['conflict'],
    }),
  }),
  removeFromBasket: route({
    method: 'delete',
    path: '/api/basket/items',
    summary: 'Take up to 1 000 DIDs out of the basket (DIDs not in it are ignored)',
    auth: true,
    body: BasketDids,
    response: BasketChange,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, CHANGE),
  }),
  emptyBasket: route({
    method: 'delete',
    path: '/api/basket',
    summary: 'Empty the basket',
    auth: true,
    response: BasketChange,
    errors: errors(SESSION_ERRORS, CHANGE),
  }),
} as const;
