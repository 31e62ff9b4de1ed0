/**
 * The transfer loop (dev only): `python -m transfers` (python/transfers/) as a supervised daemon.
 * Every few seconds it runs Rucio's judge-evaluator, conveyor submitter (mock transfertool), a
 * mover that copies and verifies each submitted transfer's bytes on the storage, the conveyor
 * poller and finisher, the judge-repairer and the abacus daemons, in that order. Production runs
 * FTS instead of the mover. It listens on nothing; it reaches Rucio's database and 127.0.0.x.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pidPath, pythonDir, type StatePaths } from '../lib/paths.ts';
import { isAlive, readPid } from '../lib/pid-file.ts';
import { startDaemon, stopDaemon, type DaemonStatus } from '../lib/process.ts';
import { rucioCfgPath, rucioEnv } from './rucio-env.ts';
import { STORAGE_WRITER } from './storage.ts';

export const TRANSFERS = 'transfers';
const packageDir = join(pythonDir, 'transfers');

export interface TransfersOptions {
  /** Seconds between rounds (DEVSTACK_TRANSFER_INTERVAL). */
  intervalSeconds: number;
  /** How long a submitted transfer stays in flight before Rucio's poller reports it (DEVSTACK_TRANSFER_SECONDS). */
  minTransferSeconds?: number;
}

/** Written by the loop with its pid once Rucio is imported and its database answers. */
export const readyFile = (paths: StatePaths): string => join(paths.run, `${TRANSFERS}.ready`);

/** Its code and Rucio's config: a change to either restarts a running loop. */
function fingerprint(paths: StatePaths): string {
  const hash = createHash('sha256').update(readFileSync(rucioCfgPath(paths)));
  const sources = readdirSync(packageDir).filter((f) => f.endsWith('.py'));
  for (const file of sources.sort()) hash.update(file).update(readFileSync(join(packageDir, file)));
  return hash.digest('hex');
}

/** Healthy: the loop that the pid file names has said it is ready (a stale file names another pid). */
export function transfersReady(paths: StatePaths): boolean {
  const pid = readPid(pidPath(paths, TRANSFERS));
  return pid !== undefined && isAlive(pid) && readPid(readyFile(paths)) === pid;
}

export function startTransfers(paths: StatePaths, o: TransfersOptions): Promise<DaemonStatus> {
  return startDaemon(paths, {
    name: TRANSFERS,
    command: paths.venvPython,
    args: [
      '-m',
      'transfers',
      '--interval',
      String(o.intervalSeconds),
      '--min-transfer-seconds',
      String(o.minTransferSeconds ?? 0),
      '--ready-file',
      readyFile(paths),
    ],
    cwd: pythonDir,
    env: {
      ...rucioEnv(paths),
      PYTHONUNBUFFERED: '1',
      // The package sits in the repo; keep its bytecode out of the working tree.
      PYTHONDONTWRITEBYTECODE: '1',
      // The storage's dev writer (as for the storage server: environment, not argv).
      DEVSTACK_STORAGE_USER: STORAGE_WRITER.username,
      DEVSTACK_STORAGE_PASSWORD: STORAGE_WRITER.password,
    },
    health: () => Promise.resolve(transfersReady(paths)),
    fingerprint: fingerprint(paths),
    timeoutMs: 120_000,
  });
}

export const stopTransfers = (paths: StatePaths): Promise<boolean> => stopDaemon(paths, TRANSFERS);
