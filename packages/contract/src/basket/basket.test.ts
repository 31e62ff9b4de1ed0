import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../openapi.ts';
import { api } from '../routes.ts';
import { BASKET_MAX_PER_CALL, BasketDids, BasketItem } from './schemas.ts';

type Operation = { responses: Record<string, unknown>; requestBody?: unknown };
const doc = buildOpenApi('1') as { paths: Record<string, Record<string, Operation>> };
const did = { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' };

describe('basket schemas', () => {
  it('takes 1 to 1 000 well-formed DIDs per call and names what is wrong', () => {
    expect(BasketDids.safeParse({ dids: [did] }).success).toBe(true);
    const many = Array.from({ length: BASKET_MAX_PER_CALL }, (_, i) => ({ ...did, name: `f${i}` }));
    expect(BasketDids.safeParse({ dids: many }).success).toBe(true);
    const tooMany = BasketDids.safeParse({ dids: [...many, did] });
    expect(tooMany.error?.issues[0]?.message).toBe('holds more than 1000 DIDs');
    expect(BasketDids.safeParse({ dids: [] }).error?.issues[0]?.path).toEqual(['dids']);
    const badScope = BasketDids.safeParse({ dids: [{ scope: 'a b', name: 'x' }] });
    expect(badScope.error?.issues[0]?.path).toEqual(['dids', 0, 'scope']);
    expect(BasketDids.safeParse({ dids: [{ scope: 'acada', name: '..' }] }).success).toBe(false);
  });

  it('refuses a key the contract does not name, in a DID or beside the list, as the OpenAPI document says', () => {
    const inDid = BasketDids.safeParse({ dids: [{ ...did, type: 'DATASET' }] });
    expect(inDid.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['type'] });
    expect(inDid.error?.issues[0]?.path).toEqual(['dids', 0]);
    expect(BasketDids.safeParse({ dids: [did], note: 'x' }).success).toBe(false);
    const body = JSON.stringify(doc.paths['/api/basket/items']?.post?.requestBody);
    expect(body).toContain('BasketDids');
  });

  it('says where each figure comes from, and only the known places', () => {
    const item = {
      ...did,
      type: 'DATASET',
      addedAt: '2026-12-03T14:00:00.000Z',
      files: 3,
      bytes: 12,
      bytesTapeOnly: 0,
      where: 'disk',
      sizeSource: 'exact',
      whereSource: 'dataset_replicas',
    };
    expect(BasketItem.safeParse(item).success).toBe(true);
    expect(BasketItem.safeParse({ ...item, where: 'tape' }).success).toBe(false);
    expect(BasketItem.safeParse({ ...item, whereSource: 'guess' }).success).toBe(false);
  });
});

describe('basket routes in the OpenAPI document', () => {
  it('lists GET and DELETE of the basket, POST and DELETE of its items, with bodies', () => {
    expect(Object.keys(doc.paths['/api/basket'] ?? {}).sort()).toEqual(['delete', 'get']);
    const items = doc.paths['/api/basket/items'] ?? {};
    expect(Object.keys(items).sort()).toEqual(['delete', 'post']);
    expect(JSON.stringify(items.post?.requestBody)).toContain('BasketDids');
    expect(JSON.stringify(items.delete?.requestBody)).toContain('BasketDids');
  });

  it('documents the CSRF refusal on every change, 409 for a full basket and 400 for bad input', () => {
    for (const def of [api.addToBasket, api.removeFromBasket, api.emptyBasket])
      expect(def.errors[403]).toContain('csrf_rejected');
    expect(api.addToBasket.errors[409]).toEqual(['conflict']);
    expect(api.addToBasket.errors[400]).toEqual(['bad_request', 'rucio_refused']);
    const post = doc.paths['/api/basket/items']?.post;
    expect(JSON.stringify(post?.responses['409'])).toContain('"enum":["conflict"]');
  });
});
