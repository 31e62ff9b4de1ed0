/**
 * ensureDatabase(): a PostgreSQL database for Rucio, chosen as documented in db-select.ts;
 * ensurePortalDatabase(): the portal's own database on that same server.
 */
import type { DevstackEnv } from './config.ts';
import { StackError } from '../lib/errors.ts';
import type { StatePaths } from '../lib/paths.ts';
import { chooseDatabase, databaseName, withDatabase, type DbKind } from './db-select.ts';
import { startEmbeddedPostgres } from './embedded-pg.ts';
import { canConnect, createDatabaseIfMissing, dropDatabase } from './pg-admin.ts';

export const RUCIO_DB_NAME = 'bdms_rucio';
/** The BFF's database (audit trail…); the BFF creates its tables with its own migrations. */
export const PORTAL_DB_NAME = 'bdms_portal';

export interface DatabaseInfo {
  /** libpq form (postgresql://...); see toSqlAlchemyUrl for Rucio's form. */
  url: string;
  kind: DbKind;
  created: boolean;
}

type DbEnv = Pick<
  DevstackEnv,
  'RUCIO_DB_URL' | 'DEVSTACK_DB' | 'DEVSTACK_LOCAL_PG_PORT' | 'DEVSTACK_EMBEDDED_PG_PORT'
>;

const serverUrl = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres`;

export async function ensureDatabase(
  paths: StatePaths,
  env: DbEnv,
  opts: { reset?: boolean } = {},
): Promise<DatabaseInfo> {
  const local = serverUrl(env.DEVSTACK_LOCAL_PG_PORT);
  const kind = await chooseDatabase({
    mode: env.DEVSTACK_DB,
    envUrl: env.RUCIO_DB_URL,
    localReachable: () => canConnect(local),
  });
  if (kind === 'env' && env.RUCIO_DB_URL) {
    // A database someone gave us: create it if missing, never drop it (reset purges tables).
    const url = env.RUCIO_DB_URL;
    if (await canConnect(url)) return { url, kind, created: false };
    return {
      url,
      kind,
      created: await ensureNamedDb(withDatabase(url, 'postgres'), databaseName(url)),
    };
  }
  const maintenance = kind === 'local' ? local : serverUrl(env.DEVSTACK_EMBEDDED_PG_PORT);
  if (kind === 'embedded') await startEmbeddedPostgres(paths, env.DEVSTACK_EMBEDDED_PG_PORT);
  if (opts.reset) await dropDatabase(maintenance, RUCIO_DB_NAME);
  const created = await ensureNamedDb(maintenance, RUCIO_DB_NAME);
  return { url: withDatabase(maintenance, RUCIO_DB_NAME), kind, created };
}

/**
 * `bdms_portal` on Rucio's server, with Rucio's credentials, in all three modes. Never dropped,
 * not even by --reset: it holds the portal's own records, and the BFF migrates it on start.
 */
export async function ensurePortalDatabase(
  rucioDb: DatabaseInfo,
): Promise<{ url: string; created: boolean }> {
  const url = withDatabase(rucioDb.url, PORTAL_DB_NAME);
  if (await canConnect(url)) return { url, created: false };
  return {
    url,
    created: await ensureNamedDb(withDatabase(rucioDb.url, 'postgres'), PORTAL_DB_NAME),
  };
}

async function ensureNamedDb(maintenanceUrl: string, name: string): Promise<boolean> {
  try {
    return await createDatabaseIfMissing(maintenanceUrl, name);
  } catch (err) {
    throw new StackError(
      'postgres',
      `cannot create database ${name} via ${redact(maintenanceUrl)}: ${String(err)}`,
    );
  }
}

/** Never print a password from RUCIO_DB_URL. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
