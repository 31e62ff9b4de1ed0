import { z } from 'zod';
import {
  DID_INPUT_ERRORS,
  errors,
  INPUT_ERRORS,
  route,
  RUCIO_ERRORS,
  SESSION_ERRORS,
} from '../route-def.ts';
import { SCRIPT_MEDIA_TYPES, ScriptQuery } from '../links/schemas.ts';
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
      "Add up to 1 000 DIDs. Adding a DID twice keeps one. 400 naming the DIDs Rucio does not know (one bulk call), or with Rucio's words when its naming rules refuse a DID (rucio_refused); 409 when the basket would hold more than its maximum.",
    auth: true,
    body: BasketDids,
    response: BasketChange,
    errors: errors(DID_INPUT_ERRORS, CHANGE, {
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
  basketScript: route({
    method: 'get',
    path: '/api/basket/script',
    summary:
      "A script or manifest for every file in the basket, in the formats of a DID's script (curl, wget, rucio, metalink, csv, json): files, datasets and containers expanded to their files by Rucio in bulk (one replica list per 1 000 DIDs, never one call per file), a file reached twice listed once, streamed one line per file. Paths are the files' names below the folder the basket's DIDs share. An empty basket: 409. A DID Rucio no longer knows: 404 naming it.",
    auth: true,
    query: ScriptQuery,
    response: z.string(),
    download: SCRIPT_MEDIA_TYPES,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
      409: ['conflict'],
    }),
  }),
  basketBundle: route({
    method: 'get',
    path: '/api/basket/bundle',
    summary:
      "A ZIP of every file in the basket (each once, at the path its script gives it), streamed from the storage as a DID's bundle is: entries stored, Zip64 when needed, each file checked against Rucio's adler32, the exact length sent first (Content-Length). Over the bundle caps (BUNDLE_MAX_BYTES, BUNDLE_MAX_FILES) or empty: 409 saying so; files with no disk copy (tape only): 409 staging_required before any byte, naming how many and a few of them. A failure part-way aborts the response.",
    auth: true,
    response: z.string(),
    download: ['application/zip'],
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
      409: ['conflict', 'staging_required'],
      502: ['storage_error'],
      503: ['storage_unavailable'],
    }),
  }),
} as const;
