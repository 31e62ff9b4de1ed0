import {
  basketKey,
  uniqueDids,
  type BasketOwner,
  type BasketRecord,
  type BasketRepo,
} from '../../src/basket/basket.repo.ts';

export type MemoryBasket = BasketRepo & { rows: (BasketRecord & { owner: BasketOwner })[] };

/**
 * BasketRepo in memory, for unit tests without PostgreSQL. Faithful where the routes can tell:
 * per-owner isolation, one row per owner and DID, the cap checked before anything is added,
 * newest first.
 */
export function memoryBasket(): MemoryBasket {
  const rows: MemoryBasket['rows'] = [];
  const owns = (o: BasketOwner) => (r: { owner: BasketOwner }) =>
    r.owner.sub === o.sub && r.owner.iss === o.iss;
  const mine = (o: BasketOwner) => rows.filter(owns(o));
  const ref = ({ scope, name }: { scope: string; name: string }) => ({ scope, name });
  let clock = Date.now();
  return {
    rows,
    list: (owner) =>
      Promise.resolve(
        mine(owner)
          .sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime())
          .map(({ scope, name, type, addedAt }) => ({ scope, name, type, addedAt })),
      ),
    count: (owner) => Promise.resolve(mine(owner).length),
    add(owner, items, max) {
      const had = new Set(mine(owner).map(basketKey));
      const wanted = uniqueDids(items);
      const fresh = wanted.filter((d) => !had.has(basketKey(d)));
      const count = mine(owner).length;
      if (count + fresh.length > max)
        return Promise.resolve({ ok: false, reason: 'limit_reached', count, adding: fresh.length });
      clock += 1;
      for (const d of fresh)
        rows.push({ ...ref(d), type: d.type, addedAt: new Date(clock), owner });
      const already = wanted.filter((d) => had.has(basketKey(d))).map(ref);
      return Promise.resolve({
        ok: true,
        added: fresh.map(ref),
        already,
        count: count + fresh.length,
      });
    },
    remove(owner, dids) {
      const gone = new Set(dids.map(basketKey));
      const removed = mine(owner).filter((r) => gone.has(basketKey(r)));
      for (const r of removed) rows.splice(rows.indexOf(r), 1);
      return Promise.resolve({ removed: removed.map(ref), count: mine(owner).length });
    },
    clear(owner) {
      const removed = mine(owner);
      for (const r of removed) rows.splice(rows.indexOf(r), 1);
      return Promise.resolve(removed.map(ref));
    },
  };
}
