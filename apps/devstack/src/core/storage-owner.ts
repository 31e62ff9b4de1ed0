/**
 * Whose bytes does Rucio's database describe? Rucio's replicas live in its database, their bytes
 * in this checkout's storage folder. A database kept from another checkout (or from an earlier
 * clone in the same place, as CI's shared PostgreSQL keeps one) lists replicas whose bytes are
 * not here: the seed rewrites its own, but copies the transfer loop made and rules tests created
 * would answer 404. So the storage folder has an id, the seed writes it into Rucio's config
 * (`bdms_devstack.storage_id`), and `up` compares the two before Rucio starts.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatePaths } from '../lib/paths.ts';
import { withClient } from './pg-admin.ts';

/** Rucio config section and option the seed writes (seed/rucio_setup.py reads the same names). */
export const OWNER_SECTION = 'bdms_devstack';
export const OWNER_OPTION = 'storage_id';
export const STORAGE_ID_FILE = '.storage-id';

export type Ownership =
  /** No replica in the database yet (new database, or Rucio's schema not built). */
  | 'empty'
  /** The database names this storage folder. */
  | 'ours'
  /** Seeded before storage ids existed, and this folder holds a seed: taken as ours. */
  | 'adopted'
  /** Replicas whose bytes are elsewhere. */
  | 'foreign';

/** This storage folder's id, created with the folder when missing. */
export function storageId(paths: StatePaths): string {
  const file = join(paths.storage, STORAGE_ID_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(paths.storage, { recursive: true });
  const id = randomUUID();
  writeFileSync(file, `${id}\n`);
  return id;
}

const hasSeedStamp = (paths: StatePaths): boolean =>
  existsSync(paths.storage) && readdirSync(paths.storage).some((f) => f.startsWith('.seeded-'));

export interface DbFacts {
  /** Whether Rucio's `replicas` table has a row (false when it does not exist). */
  hasReplicas: boolean;
  /** The storage id the database names, if any. */
  owner: string | undefined;
}

export function classify(facts: DbFacts, id: string, folderSeeded: boolean): Ownership {
  if (!facts.hasReplicas) return 'empty';
  if (facts.owner === id) return 'ours';
  if (facts.owner === undefined && folderSeeded) return 'adopted';
  return 'foreign';
}

export async function readDbFacts(dbUrl: string): Promise<DbFacts> {
  return withClient(dbUrl, async (c) => {
    const tables = await c.query<{ replicas: string | null; configs: string | null }>(
      "SELECT to_regclass('replicas') AS replicas, to_regclass('configs') AS configs",
    );
    const row = tables.rows[0];
    const hasReplicas =
      row?.replicas != null && (await c.query('SELECT 1 FROM replicas LIMIT 1')).rowCount === 1;
    if (row?.configs == null) return { hasReplicas, owner: undefined };
    const owner = await c.query<{ value: string }>(
      'SELECT value FROM configs WHERE section = $1 AND opt = $2',
      [OWNER_SECTION, OWNER_OPTION],
    );
    return { hasReplicas, owner: owner.rows[0]?.value };
  });
}

export async function ownership(paths: StatePaths, dbUrl: string): Promise<Ownership> {
  const folderSeeded = hasSeedStamp(paths);
  return classify(await readDbFacts(dbUrl), storageId(paths), folderSeeded);
}
