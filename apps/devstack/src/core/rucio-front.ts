/**
 * The front on Rucio's public port (src/front/): keeps clients' connections alive and gives
 * gunicorn's sync workers one fresh connection per request, as httpd does in production.
 */
import { DEV_HOST } from '@bdms/dev-fixtures';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inheritedEnv } from './config.ts';
import { devstackAppDir, type StatePaths } from '../lib/paths.ts';
import { startDaemon, stopDaemon, type DaemonStatus } from '../lib/process.ts';
import { rucioVersion, rucioWorkersPort } from './rucio.ts';

export const RUCIO_FRONT = 'rucio-front';
const sources = ['src/front/main.ts', 'src/front/front-server.ts'];

/** Healthy when Rucio answers through it (so start it after gunicorn). */
export function startRucioFront(paths: StatePaths, port: number): Promise<DaemonStatus> {
  const code = createHash('sha256');
  // Its code: an edited front restarts.
  for (const file of sources) code.update(readFileSync(join(devstackAppDir, file)));
  return startDaemon(paths, {
    name: RUCIO_FRONT,
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      sources[0] ?? '',
      DEV_HOST,
      String(port),
      DEV_HOST,
      String(rucioWorkersPort(port)),
    ],
    cwd: devstackAppDir,
    env: inheritedEnv(),
    health: async () => (await rucioVersion(port)) !== undefined,
    timeoutMs: 30_000,
    fingerprint: code.digest('hex'),
  });
}

export const stopRucioFront = (paths: StatePaths): Promise<boolean> =>
  stopDaemon(paths, RUCIO_FRONT);
