/**
 * The Rucio 41 server: config files, schema + root bootstrap with the tools shipped in the pip
 * package, demo accounts and OIDC identities, and gunicorn on 127.0.0.1.
 */
import { DEMO_USERS, DEV_HOST, isMapped, type DemoUser } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { logPath, pythonDir, type StatePaths } from '../lib/paths.ts';
import { startDaemon, stopDaemon, type DaemonStatus } from '../lib/process.ts';
import { toSqlAlchemyUrl } from './db-select.ts';
import { alembicRevision } from './pg-admin.ts';
import type { DatabaseInfo } from './postgres.ts';
import { sitePackages } from './python.ts';
import {
  renderAlembicIni,
  renderIdpSecrets,
  renderRucioCfg,
  type RucioConfigInput,
} from './rucio-config.ts';
import { rucioCfgPath, rucioEnv, rucioPython } from './rucio-env.ts';

export async function writeRucioConfig(
  paths: StatePaths,
  db: DatabaseInfo,
  issuer: string,
  opts: Pick<RucioConfigInput, 'geoipDownloadUrl'> & { policy?: RucioConfigInput['policy'] } = {},
): Promise<{ file: string; content: string }> {
  mkdirSync(paths.rucioEtc, { recursive: true });
  const url = toSqlAlchemyUrl(db.url);
  const venvEtc = join(paths.venv, 'rucio', 'etc');
  const scriptLocation = join(await sitePackages(paths), 'rucio', 'db', 'sqla', 'migrate_repo');
  const template = readFileSync(join(venvEtc, 'alembic.ini.template'), 'utf8');
  writeFileSync(
    join(paths.rucioEtc, 'alembic.ini'),
    renderAlembicIni(template, url, scriptLocation),
  );
  writeFileSync(join(paths.rucioEtc, 'idpsecrets.json'), renderIdpSecrets(issuer));
  const cfg = renderRucioCfg({
    dbUrl: url,
    etcDir: paths.rucioEtc,
    logDir: paths.logs,
    mailTemplateDir: join(venvEtc, 'mail_templates'),
    policy: opts.policy ?? 'ctao',
    geoipDownloadUrl: opts.geoipDownloadUrl,
  });
  const file = rucioCfgPath(paths);
  writeFileSync(file, cfg);
  return { file, content: cfg };
}

export interface BootstrapResult {
  schemaBuilt: boolean;
  changes: string[];
}

/** Schema + VO + root via <venv>/rucio/tools, then our idempotent accounts/identities step. */
export async function bootstrapRucio(
  paths: StatePaths,
  db: DatabaseInfo,
  issuer: string,
  opts: { reset?: boolean; users?: readonly DemoUser[] } = {},
): Promise<BootstrapResult> {
  const tools = join(paths.venv, 'rucio', 'tools');
  const part = 'rucio-bootstrap';
  // A database we did not create is never dropped: purge Rucio's tables instead.
  if (opts.reset && db.kind === 'env')
    await rucioPython(paths, [join(tools, 'reset_database.py'), '-p'], { part });
  const schemaBuilt = (await alembicRevision(db.url)) === undefined;
  if (schemaBuilt) await rucioPython(paths, [join(tools, 'bootstrap.py')], { part });
  const spec = {
    issuer,
    // A user without a Rucio account stays unmapped on purpose (Rucio must answer 401 to her).
    users: (opts.users ?? DEMO_USERS).filter(isMapped).map((u) => ({
      account: u.rucioAccount,
      extra: u.extraAccounts,
      sub: u.sub,
      email: u.email,
      admin: u.role === 'admin',
    })),
  };
  await rucioPython(paths, [join(pythonDir, 'bootstrap_rucio.py'), JSON.stringify(spec)], { part });
  return { schemaBuilt, changes: lastChanges(logPath(paths, part)) };
}

const ChangesLine = z.object({ changes: z.array(z.string()) });

/** bootstrap_rucio.py prints one JSON line; it is the last line of the log. */
function lastChanges(logFile: string): string[] {
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
  const parsed = ChangesLine.safeParse(safeJson(lines.at(-1) ?? ''));
  return parsed.success ? parsed.data.changes : [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const rucioUrl = (port: number): string => `http://${DEV_HOST}:${port}`;

/** The server's version from GET /ping, or undefined when it does not answer. */
export async function rucioVersion(port: number): Promise<string | undefined> {
  const rucio = createRucioClient({
    baseUrl: rucioUrl(port),
    userAgent: 'bdms-devstack',
    timeoutMs: 3000,
  });
  try {
    return (await rucio.ping()).version;
  } catch {
    return undefined;
  }
}

/** Where gunicorn itself listens; `port` is the front's (core/rucio-front.ts), what clients use. */
export const rucioWorkersPort = (port: number): number => port + 5;

/**
 * gunicorn with 8 sync workers on `rucioWorkersPort(port)`. `config` = the rendered rucio.cfg: a
 * running server started with another one is restarted.
 */
export async function startRucio(
  paths: StatePaths,
  port: number,
  config = '',
): Promise<DaemonStatus> {
  // Sync workers take one request at a time and accept only when idle, so every request goes to
  // a free process. Threaded workers kept a keep-alive connection on the process that accepted it,
  // each under one GIL: a client whose connections piled onto one process had a fraction of the
  // machine (the quota overview through the BFF measured 0.9× to 1.7× the same calls made straight
  // on that alone). Sync workers answer `Connection: close`; the front keeps clients' connections.
  // Their timeout kills a longer request: 600 s is far beyond any call the portal makes.
  const workersPort = rucioWorkersPort(port);
  const args = ['-k', 'sync', '-w', '8', '-b', `${DEV_HOST}:${workersPort}`, '--timeout', '600'];
  // A graceful stop need not wait gunicorn's default 30 s for requests in flight.
  args.push('--graceful-timeout', '5');
  return startDaemon(paths, {
    name: 'rucio',
    command: join(paths.venvBin, 'gunicorn'),
    // python/rucio_wsgi.py wraps rucio.web.rest.flaskapi.v1.main:application (NoDecode slashes).
    args: [...args, '--chdir', pythonDir, '--access-logfile', '-', 'rucio_wsgi:application'],
    // Rucio reports some things with print() (the GeoIP download): unbuffered, they land in the
    // log next to the request that caused them (the benchmark counts them per call).
    env: { ...rucioEnv(paths), PYTHONUNBUFFERED: '1' },
    health: async () => (await rucioVersion(workersPort)) !== undefined,
    timeoutMs: 90_000,
    fingerprint: createHash('sha256').update(config).digest('hex'),
    // Quick shutdown: on SIGTERM the workers sit out the whole graceful timeout (Rucio's
    // non-daemon threads), which made every restart and `down` 5-10 s slower.
    stopSignal: 'SIGINT',
  });
}

export const stopRucio = (paths: StatePaths): Promise<boolean> => stopDaemon(paths, 'rucio');
