/** Pid files in .devstack/run: one number per file, the process-group leader of a daemon. */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

export function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function writePid(file: string, pid: number): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${pid}\n`);
}

/** Removes the pid file and its companion .spec file. */
export function removePid(file: string): void {
  rmSync(file, { force: true });
  rmSync(file.replace(/\.pid$/, '.spec'), { force: true });
}

/** Signal 0 checks existence; EPERM means it exists but belongs to another user. */
export function isAlive(pid: number): boolean {
  // kill(0 or a negative pid) addresses process groups, not one process.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A dead child not yet reaped still answers signal 0; /proc tells the truth on Linux. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Names of the daemons that have a pid file. */
export function listPidNames(runDir: string): string[] {
  if (!existsSync(runDir)) return [];
  return readdirSync(runDir)
    .filter((f) => f.endsWith('.pid'))
    .map((f) => basename(f, '.pid'));
}
