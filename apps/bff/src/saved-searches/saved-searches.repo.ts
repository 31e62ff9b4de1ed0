/**
 * Saved searches in the portal database. Every method takes the owner and touches only the
 * owner's rows, so another user's id reads exactly like an id that does not exist.
 */
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { Database, Json, SavedSearchTable } from '../db/database.ts';

/** The IdP's subject and the issuer that vouches for it (a `sub` is unique per issuer only). */
export interface SavedSearchOwner {
  sub: string;
  iss: string;
}

export interface SavedSearchRun {
  count: number;
  complete: boolean;
}

export interface SavedSearchRecord {
  id: string;
  name: string;
  /** As saved; its shape is checked again on read (it may predate today's schema). */
  query: Json;
  filter: string;
  createdAt: Date;
  updatedAt: Date;
  lastRun: (SavedSearchRun & { at: Date }) | undefined;
}

export interface NewSavedSearchRecord {
  name: string;
  query: Json;
  filter: string;
}

export type CreateResult =
  | { ok: true; saved: SavedSearchRecord }
  | { ok: false; reason: 'duplicate_name' | 'limit_reached' };

export type RenameResult =
  | { ok: true; saved: SavedSearchRecord; previousName: string }
  | { ok: false; reason: 'not_found' | 'duplicate_name' };

export interface SavedSearchRepo {
  /** Newest first. */
  list(owner: SavedSearchOwner): Promise<SavedSearchRecord[]>;
  get(owner: SavedSearchOwner, id: string): Promise<SavedSearchRecord | undefined>;
  /** Refused when the owner has `max` already or a search of that name (ignoring case). */
  create(owner: SavedSearchOwner, entry: NewSavedSearchRecord, max: number): Promise<CreateResult>;
  rename(owner: SavedSearchOwner, id: string, name: string): Promise<RenameResult>;
  /** The deleted search, or undefined when the owner has none with that id. */
  remove(owner: SavedSearchOwner, id: string): Promise<SavedSearchRecord | undefined>;
  /** Sets the last run (now); undefined when the owner has none with that id. */
  recordRun(
    owner: SavedSearchOwner,
    id: string,
    run: SavedSearchRun,
  ): Promise<SavedSearchRecord | undefined>;
}

/** Any 8-4-4-4-12 hex id; anything else cannot name a row (and would make PostgreSQL throw). */
export const isSavedSearchId = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

const UNIQUE_NAME = 'saved_search_owner_name_key';
const isDuplicateName = (error: unknown): boolean => {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint === UNIQUE_NAME;
};

function toRecord(row: Selectable<SavedSearchTable>): SavedSearchRecord {
  const { last_run_at: at, last_count: count, last_complete: complete } = row;
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    filter: row.filter_text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // Set together (a check constraint says so).
    lastRun:
      at && count !== null && complete !== null
        ? { at, count: Number(count), complete }
        : undefined,
  };
}

/** The owner's rows (and, given an id, that one row): another owner's id matches nothing. */
const owned =
  (owner: SavedSearchOwner, id?: string) => (eb: ExpressionBuilder<Database, 'saved_search'>) =>
    eb.and({ owner_iss: owner.iss, owner_sub: owner.sub, ...(id === undefined ? {} : { id }) });

export function createSavedSearchRepo(db: Kysely<Database>): SavedSearchRepo {
  const mine = (owner: SavedSearchOwner, id?: string, from: Kysely<Database> = db) =>
    from.selectFrom('saved_search').selectAll().where(owned(owner, id));

  return {
    async list(owner) {
      const rows = await mine(owner).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toRecord);
    },

    async get(owner, id) {
      if (!isSavedSearchId(id)) return undefined;
      const row = await mine(owner, id).executeTakeFirst();
      return row && toRecord(row);
    },

    async create(owner, entry, max) {
      try {
        return await db.transaction().execute(async (trx): Promise<CreateResult> => {
          // One owner's saves in a row: the count below cannot be overtaken by a parallel save.
          await sql`select pg_advisory_xact_lock(hashtext('saved_search'), hashtext(${`${owner.iss} ${owner.sub}`}))`.execute(
            trx,
          );
          const { n } = await trx
            .selectFrom('saved_search')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where(owned(owner))
            .executeTakeFirstOrThrow();
          if (Number(n) >= max) return { ok: false, reason: 'limit_reached' };
          const row = await trx
            .insertInto('saved_search')
            .values({
              owner_sub: owner.sub,
              owner_iss: owner.iss,
              name: entry.name,
              query: JSON.stringify(entry.query),
              filter_text: entry.filter,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          return { ok: true, saved: toRecord(row) };
        });
      } catch (error) {
        if (isDuplicateName(error)) return { ok: false, reason: 'duplicate_name' };
        throw error;
      }
    },

    async rename(owner, id, name) {
      if (!isSavedSearchId(id)) return { ok: false, reason: 'not_found' };
      try {
        return await db.transaction().execute(async (trx): Promise<RenameResult> => {
          const before = await mine(owner, id, trx).forUpdate().executeTakeFirst();
          if (!before) return { ok: false, reason: 'not_found' };
          const row = await trx
            .updateTable('saved_search')
            .set({ name, updated_at: sql<Date>`now()` })
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow();
          return { ok: true, saved: toRecord(row), previousName: before.name };
        });
      } catch (error) {
        if (isDuplicateName(error)) return { ok: false, reason: 'duplicate_name' };
        throw error;
      }
    },

    async remove(owner, id) {
      if (!isSavedSearchId(id)) return undefined;
      const row = await db
        .deleteFrom('saved_search')
        .where(owned(owner, id))
        .returningAll()
        .executeTakeFirst();
      return row && toRecord(row);
    },

    async recordRun(owner, id, run) {
      if (!isSavedSearchId(id)) return undefined;
      const row = await db
        .updateTable('saved_search')
        .set({ last_run_at: sql<Date>`now()`, last_count: run.count, last_complete: run.complete })
        .where(owned(owner, id))
        .returningAll()
        .executeTakeFirst();
      return row && toRecord(row);
    },
  };
}
