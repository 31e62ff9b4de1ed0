/**
 * Signed download links in the portal database: made, listed and revoked by their owner, counted
 * on each use. Only this module knows the table.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DownloadLinkTable } from '../db/database.ts';

export interface Owner {
  sub: string;
  iss: string;
  username?: string | undefined;
}

/** A replica the link's bytes are read from (the downloads' Source, structurally). */
export interface LinkSource {
  url: string;
  rse: string;
  tape: boolean;
}

/** What a link serves, as Rucio described the file when the link was made. */
export interface LinkedFile {
  bytes: number | null;
  adler32: string | null;
  md5: string | null;
  sources: LinkSource[];
}

export interface LinkRecord {
  id: string;
  owner: Owner;
  scope: string;
  name: string;
  file: LinkedFile;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  uses: number;
  lastUsedAt: Date | null;
}

export interface LinkRepo {
  create(
    owner: Owner,
    did: { scope: string; name: string },
    file: LinkedFile,
    expiresAt: Date,
  ): Promise<LinkRecord>;
  /** The owner's links, newest first. */
  list(owner: Owner, limit: number): Promise<LinkRecord[]>;
  get(id: string): Promise<LinkRecord | undefined>;
  /** Revoked now if it is the owner's and not revoked yet; the row as it is after. */
  revoke(owner: Owner, id: string): Promise<LinkRecord | undefined>;
  /** One more use. */
  used(id: string): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toRecord = (r: Selectable<DownloadLinkTable>): LinkRecord => ({
  id: r.id,
  owner: { sub: r.owner_sub, iss: r.owner_iss, username: r.owner_username ?? undefined },
  scope: r.scope,
  name: r.name,
  file: r.file as unknown as LinkedFile,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  uses: r.uses,
  lastUsedAt: r.last_used_at,
});

export function createLinkRepo(db: Kysely<Database>): LinkRepo {
  const mine = (owner: Owner) =>
    db
      .selectFrom('download_link')
      .selectAll()
      .where('owner_iss', '=', owner.iss)
      .where('owner_sub', '=', owner.sub);
  return {
    async create(owner, did, file, expiresAt) {
      const row = await db
        .insertInto('download_link')
        .values({
          owner_sub: owner.sub,
          owner_iss: owner.iss,
          owner_username: owner.username ?? null,
          scope: did.scope,
          name: did.name,
          file: JSON.stringify(file),
          expires_at: expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async list(owner, limit) {
      const rows = await mine(owner).orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map(toRecord);
    },
    async get(id) {
      if (!UUID.test(id)) return undefined;
      const row = await db
        .selectFrom('download_link')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async revoke(owner, id) {
      if (!UUID.test(id)) return undefined;
      await db
        .updateTable('download_link')
        .set({ revoked_at: sql<Date>`now()` })
        .where('id', '=', id)
        .where('owner_iss', '=', owner.iss)
        .where('owner_sub', '=', owner.sub)
        .where('revoked_at', 'is', null)
        .execute();
      const row = await mine(owner).where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
    async used(id) {
      await db
        .updateTable('download_link')
        .set({ uses: sql<number>`uses + 1`, last_used_at: sql<Date>`now()` })
        .where('id', '=', id)
        .execute();
    },
  };
}
