import { Readable } from 'node:stream';
import { recordedMeta } from '@bdms/rucio-client/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createBasketService } from '../../src/basket/basket.service.ts';
import { BASKET_RECORDINGS, basketClient } from './basket-replay.ts';
import { ALICE_CLAIMS } from './helpers.ts';
import { memoryAudit } from './memory-audit.ts';
import { memoryBasket } from './memory-basket.ts';

const { file, partialFile, dataset, partial, container } = recordedMeta();
const ref = (d: { scope: string; name: string }) => ({ scope: d.scope, name: d.name });
const BASKET = [file, partialFile, dataset, partial, container].map(ref);
const nope = { scope: dataset.scope, name: `${dataset.name}-nope` };
const BOB_CLAIMS = { ...ALICE_CLAIMS, sub: 'sub-of-bob', preferred_username: 'bob' };

/** Alice's basket holding these DIDs (added through the BFF), and her client to read it. */
async function filled(dids: { scope: string; name: string }[]) {
  const basket = memoryBasket();
  await (await basketClient(['basket-bulkmeta'], { basket })).add({ dids });
  return basketClient(BASKET_RECORDINGS, { basket });
}

describe('the basket over recorded Rucio answers', () => {
  it('when DIDs are added, then Rucio is asked once for all and each is kept with its type', async () => {
    const alice = await basketClient(['basket-bulkmeta']);
    const res = await alice.add({ dids: BASKET });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ added: BASKET, already: [], removed: [], count: 5, max: 10_000 });
    expect(alice.seen.map((s) => s.path)).toEqual(['/dids/bulkmeta']);
    expect(alice.t.basket.rows.map((r) => r.type)).toEqual([
      'FILE',
      'FILE',
      'DATASET',
      'DATASET',
      'CONTAINER',
    ]);
    const again = await alice.add({ dids: [BASKET[0], BASKET[0]] });
    expect(again.body).toMatchObject({ added: [], already: [BASKET[0]], count: 5 });
    expect(alice.t.audit.entries.map((e) => e.action)).toEqual(['sign_in', 'basket_add']);
    expect((await alice.count()).body).toEqual({ count: 5, max: 10_000 });
  });

  it('when a DID is unknown to Rucio, then nothing is added and the 400 names it', async () => {
    const alice = await basketClient(BASKET_RECORDINGS);
    const res = await alice.add({ dids: [ref(file), nope] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toBe(
      `Invalid body.dids: Rucio does not know ${nope.scope}:${nope.name}.`,
    );
    expect(alice.t.basket.rows).toEqual([]);
  });

  it('when the basket is read, then each DID has its files, bytes and place, from bulk calls only', async () => {
    const alice = await filled(BASKET);
    const { status, body } = await alice.get();
    expect(status).toBe(200);
    const byName = new Map(
      (body.items as { name: string }[]).map((i) => [i.name, i as Record<string, unknown>]),
    );
    expect(byName.get(file.name)).toMatchObject({
      type: 'FILE',
      files: 1,
      bytes: 4853,
      where: 'disk',
      bytesTapeOnly: 0,
      sizeSource: 'exact',
      whereSource: 'exact',
    });
    // Open datasets: Rucio's record has no length, its dataset-replica table does.
    expect(byName.get(dataset.name)).toMatchObject({
      files: 6,
      bytes: 26012,
      where: 'disk',
      sizeSource: 'dataset_replicas',
      whereSource: 'dataset_replicas',
    });
    expect(byName.get(partial.name)).toMatchObject({ files: 4, bytes: 13742, where: 'disk' });
    // The container: its three datasets (02/03, 02/04, 02/05) summed.
    expect(byName.get(container.name)).toMatchObject({
      type: 'CONTAINER',
      files: 6 + 8 + 8,
      bytes: 26012 + 32709 + 34454,
      where: 'disk',
    });
    expect(body.totals).toEqual({
      dids: 5,
      files: 1 + 1 + 6 + 4 + 22,
      bytes: 4853 + 2040 + 26012 + 13742 + 93175,
      bytesTapeOnly: 0,
      exact: false,
      unknown: 0,
    });
    expect(alice.seen.map((s) => `${s.method} ${s.path.split('/').slice(0, 3).join('/')}`)).toEqual(
      [
        'POST /dids/bulkmeta',
        'GET /dids/acada',
        'POST /dids/bulkmeta',
        'POST /replicas/list',
        'POST /replicas/datasets_bulk',
        'GET /rses/',
      ],
    );
    const filesAsked = alice.seen.find((s) => s.path === '/replicas/list')?.body;
    expect(filesAsked).toMatchObject({ dids: [ref(file), ref(partialFile)] });
  });

  it('when a DID was deleted from Rucio since, then it stays listed as unknown and out of the totals', async () => {
    const alice = await filled([ref(file)]);
    Object.assign(alice.t.basket.rows[0] ?? {}, { ...nope, type: 'DATASET' });
    const { body } = await alice.get();
    expect(body.items).toEqual([
      expect.objectContaining({ ...nope, where: 'unknown', files: null }),
    ]);
    expect(body.totals).toMatchObject({ dids: 1, files: 0, bytes: 0, unknown: 1 });
  });

  it('when another user reads or changes their basket, then they never see or touch this one', async () => {
    const shared = memoryBasket();
    const alice = await basketClient(BASKET_RECORDINGS, { basket: shared });
    const bob = await basketClient(BASKET_RECORDINGS, { basket: shared, claims: BOB_CLAIMS });
    await alice.add({ dids: BASKET });
    expect((await bob.get()).body.items).toEqual([]);
    expect((await bob.remove({ dids: BASKET })).body).toMatchObject({ removed: [], count: 0 });
    expect((await bob.empty()).body).toMatchObject({ removed: [], count: 0 });
    expect((await alice.count()).body.count).toBe(5);
  });

  it('when DIDs are removed, then only those go; emptying takes the rest; both are audited', async () => {
    const alice = await basketClient(BASKET_RECORDINGS);
    await alice.add({ dids: BASKET });
    const res = await alice.remove({ dids: [ref(file), nope] });
    expect(res.body).toEqual({
      added: [],
      already: [],
      removed: [ref(file)],
      count: 4,
      max: 10_000,
    });
    expect((await alice.empty()).body).toMatchObject({ removed: BASKET.slice(1), count: 0 });
    const actions = alice.t.audit.entries.map((e) => [e.action, e.details]);
    expect(actions.slice(1)).toEqual([
      ['basket_add', { added: 5, count: 5 }],
      ['basket_remove', { removed: 1, count: 4 }],
      ['basket_empty', { removed: 4, count: 0 }],
    ]);
  });

  it('when a change comes without X-CSRF or with a bad body, then it is refused naming why', async () => {
    const alice = await basketClient(BASKET_RECORDINGS);
    for (const [method, path] of [
      ['post', '/api/basket/items'],
      ['delete', '/api/basket/items'],
      ['delete', '/api/basket'],
    ] as const) {
      const res = await alice.raw(method, path).send({ dids: BASKET });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('csrf_rejected');
    }
    const bad = await alice.add({ dids: [{ scope: 'acada', name: '..' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid body\.dids\.0\.name: /);
    const many = Array.from({ length: 1001 }, (_, i) => ({ scope: 'acada', name: `f${i}` }));
    expect((await alice.add({ dids: many })).body.error.message).toBe(
      'Invalid body.dids: holds more than 1000 DIDs.',
    );
    expect(alice.seen).toEqual([]);
  });
});

describe('the basket’s cap', () => {
  it('when an add would pass the maximum, then nothing is added and the 409 says how many fit', async () => {
    const repo = memoryBasket();
    const service = createBasketService({
      repo,
      audit: memoryAudit(),
      logger: pino({ level: 'silent' }),
      issuer: 'http://idp.test/',
      max: 3,
      walk: () => Promise.reject(new Error('not walked')),
      limits: { maxContainers: 1, maxDatasets: 1, parallel: 1 },
    });
    const caller = { user: { sub: 's', username: 'alice' } as never, requestId: undefined };
    // Rucio knows every DID, as files.
    const meta = (dids: { scope: string; name: string }[]) =>
      Readable.from(dids.map((d) => ({ ...d, did_type: 'FILE' })));
    const dids = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ scope: 'a', name: `f${i}` }));
    await service.add(caller, dids(2), meta);
    // Already there: does not count against the cap.
    await expect(service.add(caller, dids(3), meta)).resolves.toMatchObject({ count: 3 });
    await expect(service.add(caller, dids(5), meta)).rejects.toMatchObject({
      status: 409,
      code: 'conflict',
      message: expect.stringContaining(
        'Your basket holds 3 DIDs; 2 more would pass the 3 it can hold.',
      ) as unknown,
    });
    expect(repo.rows).toHaveLength(3);
  });
});
