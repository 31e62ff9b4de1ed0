/**
 * The download basket in the portal database. Every method takes the owner and touches only the
 * owner's rows; one row per owner and DID, so adding a DID twice keeps one.
 */
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { BasketItemTable, Database } from '../db/database.ts';

/** The IdP's subject and the issuer that vouches for it (as saved searches key their owner). */
export interface BasketOwner {
  sub: string;
  iss: string;
}

export interface BasketDidRef {
  scope: string;
  name: string;
}

export type BasketDidType = 'FILE' | 'DATASET' | 'CONTAINER';

export interface BasketRecord extends BasketDidRef {
  type: BasketDidType;
  addedAt: Date;
}

export type AddResult =
  | { ok: true; added: BasketDidRef[]; already: BasketDidRef[]; count: number }
  | { ok: false; reason: 'limit_reached'; count: number; adding: number };

export interface BasketRepo {
  /** Newest first. */
  list(owner: BasketOwner): Promise<BasketRecord[]>;
  count(owner: BasketOwner): Promise<number>;
  /** All or nothing: refused when the basket would hold more than `max`. */
  add(
    owner: BasketOwner,
    items: readonly (BasketDidRef & { type: BasketDidType })[],
    max: number,
  ): Promise<AddResult>;
  /** The DIDs taken out (those not in the basket are ignored), and how many are left. */
  remove(
    owner: BasketOwner,
    dids: readonly BasketDidRef[],
  ): Promise<{ removed: BasketDidRef[]; count: number }>;
  clear(owner: BasketOwner): Promise<BasketDidRef[]>;
}

export const basketKey = (d: BasketDidRef): string => `${d.scope}:${d.name}`;

/** Each DID once, in the order first named. */
export const uniqueDids = <T extends BasketDidRef>(dids: readonly T[]): T[] => [
  ...new Map(dids.map((d) => [basketKey(d), d])).values(),
];

const toRecord = (row: Selectable<BasketItemTable>): BasketRecord => ({
  scope: row.scope,
  name: row.name,
  type: row.did_type,
  addedAt: row.added_at,
});

const ref = ({ scope, name }: BasketDidRef): BasketDidRef => ({ scope, name });

const owned = (owner: BasketOwner) => (eb: ExpressionBuilder<Database, 'basket_item'>) =>
  eb.and({ owner_iss: owner.iss, owner_sub: owner.sub });

/** The owner's rows among these DIDs. */
const among =
  (owner: BasketOwner, dids: readonly BasketDidRef[]) =>
  (eb: ExpressionBuilder<Database, 'basket_item'>) =>
    eb.and([
      owned(owner)(eb),
      eb(
        eb.refTuple('scope', 'name'),
        'in',
        dids.map((d) => eb.tuple(d.scope, d.name)),
      ),
    ]);

export function createBasketRepo(db: Kysely<Database>): BasketRepo {
  const countOf = async (owner: BasketOwner, from: Kysely<Database> = db): Promise<number> => {
    const { n } = await from
      .selectFrom('basket_item')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(owned(owner))
      .executeTakeFirstOrThrow();
    return Number(n);
  };

  return {
    async list(owner) {
      const rows = await db
        .selectFrom('basket_item')
        .selectAll()
        .where(owned(owner))
        .orderBy('added_at', 'desc')
        .orderBy('scope')
        .orderBy('name')
        .execute();
      return rows.map(toRecord);
    },

    count: (owner) => countOf(owner),

    async add(owner, items, max) {
      const wanted = uniqueDids(items);
      if (wanted.length === 0)
        return { ok: true, added: [], already: [], count: await countOf(owner) };
      return db.transaction().execute(async (trx): Promise<AddResult> => {
        // One owner's changes in a row: the count below cannot be overtaken by a parallel add.
        await sql`select pg_advisory_xact_lock(hashtext('basket_item'), hashtext(${`${owner.iss} ${owner.sub}`}))`.execute(
          trx,
        );
        const present = await trx
          .selectFrom('basket_item')
          .select(['scope', 'name'])
          .where(among(owner, wanted))
          .execute();
        const had = new Set(present.map(basketKey));
        const fresh = wanted.filter((d) => !had.has(basketKey(d)));
        const count = await countOf(owner, trx);
        if (count + fresh.length > max)
          return { ok: false, reason: 'limit_reached', count, adding: fresh.length };
        if (fresh.length > 0)
          await trx
            .insertInto('basket_item')
            .values(
              fresh.map((d) => ({
                owner_sub: owner.sub,
                owner_iss: owner.iss,
                scope: d.scope,
                name: d.name,
                did_type: d.type,
              })),
            )
            .onConflict((oc) => oc.doNothing())
            .execute();
        const already = wanted.filter((d) => had.has(basketKey(d))).map(ref);
        return { ok: true, added: fresh.map(ref), already, count: count + fresh.length };
      });
    },

    async remove(owner, dids) {
      const wanted = uniqueDids(dids);
      if (wanted.length === 0) return { removed: [], count: await countOf(owner) };
      const rows = await db
        .deleteFrom('basket_item')
        .where(among(owner, wanted))
        .returning(['scope', 'name'])
        .execute();
      return { removed: rows.map(ref), count: await countOf(owner) };
    },

    async clear(owner) {
      const rows = await db
        .deleteFrom('basket_item')
        .where(owned(owner))
        .returning(['scope', 'name'])
        .execute();
      return rows.map(ref);
    },
  };
}
