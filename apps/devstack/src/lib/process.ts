/**
 * A tiny supervisor: daemons run detached in their own process group, log to
 * .devstack/logs/<name>.log and leave their pid in .devstack/run/<name>.pid, so a later CLI run
 * (or `down`) finds them again. A healthy daemon is reused, never started twice.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { StackError } from './errors.ts';
import { pollUntil } from './http.ts';
import { closeLog, openLog, tailLog } from './log-file.ts';
import { isAlive, listPidNames, readPid, removePid, writePid } from './pid-file.ts';
import { logPath, pidPath, type StatePaths } from './paths.ts';

export interface DaemonSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  health: () => Promise<boolean>;
  timeoutMs?: number;
  /** Extra identity of the running configuration (e.g. a config file's hash): a change restarts. */
  fingerprint?: string;
  /** How `stopDaemon` asks it to leave (default SIGTERM); remembered in run/<name>.spec. */
  stopSignal?: NodeJS.Signals;
  /** Run as this user (PostgreSQL refuses root). Only possible when we are root. */
  uid?: number;
  gid?: number;
}

export interface DaemonStatus {
  name: string;
  pid: number;
  reused: boolean;
  logFile: string;
}

export async function startDaemon(paths: StatePaths, spec: DaemonSpec): Promise<DaemonStatus> {
  const logFile = logPath(paths, spec.name);
  const pidFile = pidPath(paths, spec.name);
  const old = readPid(pidFile);
  const wanted = specHash(spec);
  if (old !== undefined && isAlive(old)) {
    const same = readSpecFile(pidFile)?.hash === wanted;
    if (same && (await spec.health())) return { name: spec.name, pid: old, reused: true, logFile };
    // Other command line/config, or alive but sick (or a recycled pid): replace it.
    await stopDaemon(paths, spec.name);
  }
  removePid(pidFile);
  if (await spec.health()) {
    throw new StackError(
      spec.name,
      'something not started by devstack already answers on its port; stop it or choose another port',
      logFile,
    );
  }
  const pid = spawnDetached(spec, logFile);
  writePid(pidFile, pid);
  writeFileSync(
    specPath(pidFile),
    JSON.stringify({ hash: wanted, stopSignal: spec.stopSignal ?? 'SIGTERM' }),
  );
  await waitHealthy(paths, spec, pid, logFile);
  return { name: spec.name, pid, reused: false, logFile };
}

/** What makes two starts "the same daemon": command line, user and fingerprint. */
export function specHash(spec: DaemonSpec): string {
  const identity = [spec.command, ...spec.args, String(spec.uid ?? ''), spec.fingerprint ?? ''];
  return createHash('sha256').update(identity.join('\0')).digest('hex');
}

const specPath = (pidFile: string) => pidFile.replace(/\.pid$/, '.spec');
const SpecFile = z.object({ hash: z.string(), stopSignal: z.string() });

function readSpecFile(pidFile: string): z.infer<typeof SpecFile> | undefined {
  const file = specPath(pidFile);
  if (!existsSync(file)) return undefined;
  try {
    return SpecFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

function spawnDetached(spec: DaemonSpec, logFile: string): number {
  const fd = openLog(logFile, `start ${spec.name}: ${spec.command} ${spec.args.join(' ')}`);
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', fd, fd],
      ...(spec.uid === undefined ? {} : { uid: spec.uid, gid: spec.gid }),
    });
    // A spawn failure (ENOENT) is reported asynchronously; the health wait sees the dead pid.
    child.on('error', () => undefined);
    child.unref();
    if (child.pid === undefined) {
      throw new StackError(spec.name, `cannot spawn ${spec.command}`, logFile, tailLog(logFile));
    }
    return child.pid;
  } finally {
    closeLog(fd);
  }
}

async function waitHealthy(paths: StatePaths, spec: DaemonSpec, pid: number, logFile: string) {
  const timeoutMs = spec.timeoutMs ?? 60_000;
  const state = { died: false };
  const ok = await pollUntil(async () => {
    state.died = !isAlive(pid);
    return state.died || spec.health();
  }, timeoutMs);
  if (ok && !state.died) return;
  if (!state.died) await stopDaemon(paths, spec.name);
  removePid(pidPath(paths, spec.name));
  const why = state.died ? 'exited during start-up' : `not healthy after ${timeoutMs} ms`;
  throw new StackError(spec.name, why, logFile, tailLog(logFile));
}

export interface StopOptions {
  /** Overrides the daemon's own stopSignal. */
  signal?: NodeJS.Signals;
  graceMs?: number;
}

/** The daemon's stop signal (SIGTERM by default) to its process group, SIGKILL after the grace period. */
export async function stopDaemon(
  paths: StatePaths,
  name: string,
  opts: StopOptions = {},
): Promise<boolean> {
  const pidFile = pidPath(paths, name);
  const pid = readPid(pidFile);
  if (pid === undefined || !isAlive(pid)) {
    removePid(pidFile);
    return false;
  }
  const own = readSpecFile(pidFile)?.stopSignal as NodeJS.Signals | undefined;
  signalGroup(pid, opts.signal ?? own ?? 'SIGTERM');
  const gone = await pollUntil(() => Promise.resolve(!isAlive(pid)), opts.graceMs ?? 10_000, 100);
  if (!gone) {
    signalGroup(pid, 'SIGKILL');
    await pollUntil(() => Promise.resolve(!isAlive(pid)), 5_000, 100);
  }
  removePid(pidFile);
  return true;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Not a group leader (or already gone): signal the process itself.
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Stops every daemon with a pid file; the database last, so its clients go first. */
export async function stopAll(paths: StatePaths, last: readonly string[] = ['postgres']) {
  const names = listPidNames(paths.run);
  const ordered = [
    ...names.filter((n) => !last.includes(n)),
    ...last.filter((n) => names.includes(n)),
  ];
  const stopped: string[] = [];
  for (const name of ordered) {
    if (await stopDaemon(paths, name)) stopped.push(name);
  }
  return stopped;
}
