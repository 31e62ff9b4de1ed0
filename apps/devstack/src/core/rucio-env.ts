/** How to run Rucio's Python tools in the venv against our rucio.cfg. */
import { join } from 'node:path';
import { inheritedEnv } from './config.ts';
import { logPath, type StatePaths } from '../lib/paths.ts';
import { runLogged } from '../lib/run.ts';

export const rucioCfgPath = (paths: StatePaths): string => join(paths.rucioEtc, 'rucio.cfg');

/** RUCIO_CONFIG names the exact file; the venv's bin/ first on PATH for rucio-* tools. */
export function rucioEnv(paths: StatePaths): NodeJS.ProcessEnv {
  const env = inheritedEnv();
  return {
    ...env,
    RUCIO_CONFIG: rucioCfgPath(paths),
    VIRTUAL_ENV: paths.venv,
    // As in CTAO's deployment (Apache NoDecode): the name's slashes arrive as %2F; see rucio_wsgi.py.
    RUCIO_HTTPD_ENCODED_SLASHES_NO_DECODE: 'true',
    PATH: `${paths.venvBin}:${env.PATH ?? '/usr/bin:/bin'}`,
  };
}

export interface RucioRunOptions {
  /** Names the part in errors and the log file (.devstack/logs/<part>.log). */
  part?: string;
}

/**
 * Runs the venv's python with RUCIO_CONFIG set, e.g. `rucioPython(paths, ['seed.py'])` or
 * `rucioPython(paths, [join(paths.venvBin, 'rucio-judge-evaluator'), '--run-once'])`.
 */
export async function rucioPython(
  paths: StatePaths,
  args: string[],
  opts: RucioRunOptions = {},
): Promise<void> {
  const part = opts.part ?? 'rucio-tools';
  await runLogged(paths.venvPython, args, {
    part,
    logFile: logPath(paths, part),
    env: rucioEnv(paths),
  });
}

/** Runs a console script from the venv's bin/ (rucio-admin, rucio-abacus-account, ...). */
export async function rucioTool(
  paths: StatePaths,
  tool: string,
  args: string[],
  opts: RucioRunOptions = {},
) {
  await rucioPython(paths, [join(paths.venvBin, tool), ...args], { part: opts.part ?? tool });
}
