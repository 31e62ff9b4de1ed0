/**
 * core-up: venv → database → GeoIP database → Rucio (config, bootstrap, gunicorn, front) → storage, each
 * reused when healthy.
 */
import { rmSync } from 'node:fs';
import type { DevstackEnv } from './config.ts';
import type { Logger } from '../lib/logger.ts';
import type { StatePaths } from '../lib/paths.ts';
import type { DaemonStatus } from '../lib/process.ts';
import { ensureDatabase, ensurePortalDatabase, redact, type DatabaseInfo } from './postgres.ts';
import { buildGeoipDb, clearForeignGeoipCache, GEOIP_SHARE, geoipDownloadUrl } from './geoip.ts';
import { ensureVenv } from './python.ts';
import {
  bootstrapRucio,
  rucioUrl,
  rucioVersion,
  startRucio,
  stopRucio,
  writeRucioConfig,
} from './rucio.ts';
import { startRucioFront } from './rucio-front.ts';
import { startStorage, stopStorage, storageUrl } from './storage.ts';
import { ownership, storageId } from './storage-owner.ts';
import { stopTransfers } from './transfers.ts';

export interface CoreUpOptions {
  reset?: boolean;
}

export interface CoreStatus {
  db: DatabaseInfo;
  /** The portal's own database on the same server (the BFF's DATABASE_URL). */
  portalDb: { url: string; created: boolean };
  rucio: DaemonStatus & { url: string; version: string };
  storage: DaemonStatus & { url: string };
}

const verb = (s: DaemonStatus) => (s.reused ? 'reused' : 'started');
const ms = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

export async function coreUp(
  paths: StatePaths,
  env: DevstackEnv,
  log: Logger,
  opts: CoreUpOptions = {},
): Promise<CoreStatus> {
  let t0 = Date.now();
  const venv = await ensureVenv(paths, env.DEVSTACK_PYTHON);
  log.info(
    `python   ${venv.installed ? 'installed requirements into' : 'reused'} ${venv.venv} (${ms(t0)})`,
  );
  venv.warnings.forEach((w) => {
    log.warn(w);
  });
  let reset = opts.reset === true;
  if (reset) await wipe(paths, log);

  t0 = Date.now();
  let db = await ensureDatabase(paths, env, { reset });
  if (!reset && (await ownership(paths, db.url)) === 'foreign') {
    log.warn(
      `postgres ${redact(db.url)} lists replicas whose bytes are in another storage folder, not ${paths.storage} (a database kept from another checkout or clone): resetting it`,
    );
    reset = true;
    await wipe(paths, log);
    db = await ensureDatabase(paths, env, { reset });
  }
  storageId(paths);
  log.info(`postgres ${db.kind} ${redact(db.url)}${db.created ? ' (created)' : ''} (${ms(t0)})`);
  const portalDb = await ensurePortalDatabase(db);
  log.info(`postgres portal ${redact(portalDb.url)}${portalDb.created ? ' (created)' : ''}`);

  t0 = Date.now();
  const geoip = await buildGeoipDb(paths);
  const cache = clearForeignGeoipCache(geoip);
  const cacheNote = {
    absent: 'not cached yet',
    ours: 'cached copy is ours',
    removed: 'removed a foreign cached copy',
  }[cache];
  log.info(`geoip    wrote ${geoip.mmdb} (${cacheNote}) (${ms(t0)})`);

  t0 = Date.now();
  const cfg = await writeRucioConfig(paths, db, env.IDP_ISSUER, {
    geoipDownloadUrl: geoipDownloadUrl(env.STORAGE_PORT),
  });
  const boot = await bootstrapRucio(paths, db, env.IDP_ISSUER, { reset });
  const rucio = await startRucio(paths, env.RUCIO_PORT, cfg.content);
  const front = await startRucioFront(paths, env.RUCIO_PORT);
  const version = (await rucioVersion(env.RUCIO_PORT)) ?? 'unknown';
  const what = [boot.schemaBuilt ? 'schema built' : 'schema reused', ...boot.changes].join('; ');
  log.info(
    `rucio    ${verb(rucio)} ${version} at ${rucioUrl(env.RUCIO_PORT)} (front pid ${front.pid} ${verb(front)}, gunicorn pid ${rucio.pid}): ${what} (${ms(t0)})`,
  );

  t0 = Date.now();
  const storage = await startStorage(paths, env.STORAGE_PORT, env.IDP_ISSUER, {
    [GEOIP_SHARE]: paths.geoip,
  });
  log.info(
    `storage  ${verb(storage)} WebDAV at ${storageUrl(env.STORAGE_PORT)} pid ${storage.pid} (${ms(t0)})`,
  );
  log.info(`logs in ${paths.logs}`);
  return {
    db,
    portalDb,
    rucio: { ...rucio, url: rucioUrl(env.RUCIO_PORT), version },
    storage: { ...storage, url: storageUrl(env.STORAGE_PORT) },
  };
}

/** --reset: servers holding the old data stop first; the storage bytes go with the DB. */
async function wipe(paths: StatePaths, log: Logger): Promise<void> {
  // The transfer loop holds database connections (DROP DATABASE would refuse) and writes bytes.
  await stopTransfers(paths);
  await stopRucio(paths);
  await stopStorage(paths);
  rmSync(paths.storage, { recursive: true, force: true });
  log.info(
    'reset    stopped transfers + rucio + storage, wiped storage; the database is dropped and rebuilt',
  );
}
