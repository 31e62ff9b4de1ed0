/**
 * Rucio's default replica sort (`geoip`, core/replica_sorter.py) places every replica's storage
 * host and the client with a GeoIP2 City database. Without one, Rucio 41 tries to download it for
 * every replica it sorts (and logs "… does not exist. Downloading it." each time), which made
 * `POST /replicas/list` ten times slower on the devstack. So the devstack writes a database of its
 * own at start (python/geoip_db.py with mmdb-writer: each RSE's storage address at its site, and
 * the test clients of @bdms/dev-fixtures) and offers it the way Rucio fetches it: a tar.gz at
 * `[core] geoip_download_url`, served by the dev storage server on 127.0.0.1. Rucio downloads it
 * once, unpacks it to its fixed cache path and reads it from there.
 */
import { DEV_GEO_CLIENTS, DEV_RSE_HOSTS } from '@bdms/dev-fixtures';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inheritedEnv } from './config.ts';
import { logPath, pythonDir, type StatePaths } from '../lib/paths.ts';
import { runLogged } from '../lib/run.ts';
import { storageUrl } from './storage.ts';

export const GEOIP_EDITION = 'GeoLite2-City';
/**
 * Where Rucio 41 caches the database: a fixed path, shared by every Rucio server on the machine
 * (another checkout's devstack included), re-downloaded only when missing or, with
 * `geoip_expire_delay` > 0, older than that many days.
 */
export const RUCIO_GEOIP_CACHE = `/tmp/${GEOIP_EDITION}.mmdb`;
/** The storage server's read-only share holding the archive. */
export const GEOIP_SHARE = '/geoip';

export const geoipDownloadUrl = (storagePort: number): string =>
  `${storageUrl(storagePort)}${GEOIP_SHARE}/${GEOIP_EDITION}.tar.gz`;

/** What python/geoip_db.py places: the RSE hosts (at their sites) and the test clients. */
export const geoipSpec = () => ({
  rses: DEV_RSE_HOSTS,
  clients: Object.values(DEV_GEO_CLIENTS),
});

export interface GeoipDb {
  /** The database file (the archive sits beside it). */
  mmdb: string;
  sha256: string;
}

const sha256 = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

/** The database the devstack writes, which Rucio downloads and the BFF places users with. */
export const geoipDbPath = (paths: Pick<StatePaths, 'geoip'>): string =>
  join(paths.geoip, `${GEOIP_EDITION}.mmdb`);

/** Writes .devstack/geoip/{GeoLite2-City.mmdb,GeoLite2-City.tar.gz}; same places, same bytes. */
export async function buildGeoipDb(paths: StatePaths): Promise<GeoipDb> {
  const part = 'geoip';
  await runLogged(
    paths.venvPython,
    [join(pythonDir, 'geoip_db.py'), paths.geoip, JSON.stringify(geoipSpec())],
    {
      part,
      logFile: logPath(paths, part),
      // The script imports the seed's reference data from the repo: no bytecode in the tree.
      env: { ...inheritedEnv(), PYTHONDONTWRITEBYTECODE: '1' },
    },
  );
  const mmdb = geoipDbPath(paths);
  return { mmdb, sha256: sha256(mmdb) };
}

/**
 * A database already in Rucio's cache that is not ours (a real GeoLite2 someone downloaded, an
 * older devstack's, a half-written one) would shadow ours until it expired: removed, so that
 * Rucio downloads ours at its next sort. Ours is left alone (Rucio keeps reading it).
 */
export function clearForeignGeoipCache(
  ours: GeoipDb,
  cache: string = RUCIO_GEOIP_CACHE,
): 'absent' | 'ours' | 'removed' {
  if (!existsSync(cache)) return 'absent';
  let same = false;
  try {
    same = sha256(cache) === ours.sha256;
  } catch {
    // Unreadable (not a file, no permission): not ours either.
  }
  if (same) return 'ours';
  rmSync(cache, { recursive: true, force: true });
  return 'removed';
}
