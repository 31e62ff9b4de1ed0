import request from 'supertest';
import { createRucioClient } from '@bdms/rucio-client';
import { loadRecording, replayFetch, type Recording } from '@bdms/rucio-client/testing';
import { login, makeApp, stubOidc, replayedRucio, type TestApp } from './helpers.ts';
import type { MemoryBasket } from './memory-basket.ts';

/** Every recording of the basket (scripts/record-basket.ts), in the order the BFF asks for them. */
export const BASKET_RECORDINGS = [
  'basket-bulkmeta',
  'basket-container-list',
  'basket-bulkmeta-below',
  'basket-file-replicas',
  'basket-dataset-replicas',
  'basket-rses',
];

/**
 * A fetch answering from recordings, several for one method and path taken in turn (the BFF asks
 * for the basket's DID records, then for those of the datasets found in its containers).
 */
function inTurn(recordings: Recording[]) {
  const queues = new Map<string, Recording[]>();
  for (const r of recordings) {
    const key = `${r.request.method} ${r.request.path}`;
    queues.set(key, [...(queues.get(key) ?? []), r]);
  }
  const seen: { method: string; path: string; body: unknown }[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    const path = url.pathname + url.search;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    seen.push({ method, path, body });
    const queue = queues.get(`${method} ${path}`) ?? [];
    const next = queue.length > 1 ? queue.shift() : queue[0];
    return replayFetch(next ? [next] : [], { chunkSize: 97 }).fetch(input, init);
  };
  return { fetch, seen };
}

/** A signed-in user of a BFF whose Rucio replays the recordings, with the SPA's calls. */
export async function basketClient(
  names: string[],
  options: { basket?: MemoryBasket; claims?: Record<string, unknown> } = {},
) {
  const replay = inTurn(names.map(loadRecording));
  const client = createRucioClient({
    baseUrl: 'http://rucio.test',
    userAgent: 't',
    fetch: replay.fetch,
  });
  const t: TestApp = makeApp({
    rucio: replayedRucio(client),
    ...(options.basket ? { basket: options.basket } : {}),
    ...(options.claims ? { oidc: stubOidc({ claims: options.claims }) } : {}),
  });
  const { sessionCookie: cookie } = await login(t);
  const change = (req: request.Test) =>
    req.set('X-CSRF', '1').set('Origin', t.config.publicOrigin).set('Cookie', cookie);
  return {
    t,
    seen: replay.seen,
    get: () => request(t.app).get('/api/basket').set('Cookie', cookie),
    count: () => request(t.app).get('/api/basket/count').set('Cookie', cookie),
    add: (body: unknown) => change(request(t.app).post('/api/basket/items')).send(body as object),
    remove: (body: unknown) =>
      change(request(t.app).delete('/api/basket/items')).send(body as object),
    empty: () => change(request(t.app).delete('/api/basket')),
    raw: (method: 'post' | 'delete', path: string) =>
      request(t.app)[method](path).set('Cookie', cookie),
  };
}
