/** Where the repo is and where the devstack keeps its runtime state (gitignored .devstack/). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`);
    dir = parent;
  }
}

export const repoRoot: string = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const devstackAppDir: string = join(repoRoot, 'apps', 'devstack');
export const pythonDir: string = join(devstackAppDir, 'python');

export interface StatePaths {
  root: string;
  venv: string;
  venvPython: string;
  venvBin: string;
  logs: string;
  run: string;
  pg: string;
  storage: string;
  rucioEtc: string;
  /** The devstack's GeoIP database and the archive Rucio downloads it from. */
  geoip: string;
}

export function statePaths(home?: string): StatePaths {
  const root = resolve(home ?? join(repoRoot, '.devstack'));
  const venv = join(root, 'venv');
  return {
    root,
    venv,
    venvBin: join(venv, 'bin'),
    venvPython: join(venv, 'bin', 'python'),
    logs: join(root, 'logs'),
    run: join(root, 'run'),
    pg: join(root, 'pg'),
    storage: join(root, 'storage'),
    rucioEtc: join(root, 'rucio', 'etc'),
    geoip: join(root, 'geoip'),
  };
}

export const logPath = (paths: StatePaths, name: string): string => join(paths.logs, `${name}.log`);
export const pidPath = (paths: StatePaths, name: string): string => join(paths.run, `${name}.pid`);
