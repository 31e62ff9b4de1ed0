/**
 * runSeed: fills the running Rucio server and storage with the deterministic CTAO demo archive by
 * running `python -m seed` (apps/devstack/python/seed) in the project venv. Idempotent: a server
 * already stamped with this seed version and size is left alone unless `force` is set.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEV_HOST,
  DEV_PORTS,
  DEV_RSE_HOSTS,
  RUCIO_ROOT,
  STORAGE_WRITER,
  storageTlsPort,
} from '@bdms/dev-fixtures';
import { inheritedEnv } from '../core/config.ts';
import { rucioCfgPath } from '../core/rucio-env.ts';
import { StackError } from '../lib/errors.ts';
import { logPath, pythonDir, statePaths, type StatePaths } from '../lib/paths.ts';
import { runLogged } from '../lib/run.ts';
import { seedArgs, type SeedSize } from './seed-args.ts';
import { parseSeedSummary, type SeedSummary } from './seed-summary.ts';

export interface SeedOptions {
  /** small (default, a few hundred files, < 60 s) or bench (+ one dataset of 100 000 files). */
  size?: SeedSize;
  /** Files in the one big LSTN-01 night; overrides `size`. */
  files?: number;
  /** Re-seed what is missing even when the server is stamped as seeded. */
  force?: boolean;
  /** RNG seed; the same seed always gives the same names, metadata and bytes. */
  seed?: number;
  /** GET this many files' PFNs after seeding and compare with Rucio's checksums (0 = skip). */
  verify?: number;
  paths?: StatePaths;
  rucioPort?: number;
  storagePort?: number;
}

export const SEED_PART = 'seed';
export const seedSummaryPath = (paths: StatePaths): string => join(paths.run, 'seed-summary.json');

/**
 * The seed's stamp lives in Rucio's database, the bytes in this checkout's storage folder. A new
 * checkout (or a wiped .devstack) against a database seeded earlier has the stamp but no bytes:
 * then the seed runs with --force, which rewrites exactly what is missing.
 */
const storageStamp = (paths: StatePaths, size: string): string =>
  join(paths.storage, `.seeded-${size}`);

export async function runSeed(opts: SeedOptions = {}): Promise<SeedSummary> {
  const paths = opts.paths ?? statePaths();
  const size = opts.size ?? 'small';
  const summary = await runSeedOnce(paths, {
    ...opts,
    force: opts.force === true || !existsSync(storageStamp(paths, size)),
  });
  writeFileSync(storageStamp(paths, size), `${summary.seedVersion}\n`);
  return summary;
}

async function runSeedOnce(paths: StatePaths, opts: SeedOptions): Promise<SeedSummary> {
  const summaryFile = seedSummaryPath(paths);
  const args = seedArgs({
    rucioUrl: `http://${DEV_HOST}:${opts.rucioPort ?? DEV_PORTS.rucio}`,
    username: RUCIO_ROOT.username,
    storageUrl: `http://${DEV_HOST}:${opts.storagePort ?? DEV_PORTS.storage}`,
    storageRoot: paths.storage,
    storageTlsPort: storageTlsPort(opts.storagePort ?? DEV_PORTS.storage),
    rseHosts: DEV_RSE_HOSTS,
    size: opts.size ?? 'small',
    files: opts.files,
    seed: opts.seed,
    force: opts.force,
    rucioConfig: rucioCfgPath(paths),
    logDir: paths.logs,
    summaryFile,
    verify: opts.verify,
  });
  const env = {
    ...inheritedEnv(),
    SEED_RUCIO_PASSWORD: RUCIO_ROOT.password,
    // Its verify reads the PFNs back as the storage's writer (reads need a token or the writer).
    DEVSTACK_STORAGE_USER: STORAGE_WRITER.username,
    DEVSTACK_STORAGE_PASSWORD: STORAGE_WRITER.password,
    // The package sits in the repo; keep its bytecode out of the working tree.
    PYTHONDONTWRITEBYTECODE: '1',
  };
  const logFile = logPath(paths, SEED_PART);
  await runLogged(paths.venvPython, args, { part: SEED_PART, logFile, env, cwd: pythonDir });
  try {
    return parseSeedSummary(readFileSync(summaryFile, 'utf8'));
  } catch (err) {
    throw new StackError(
      SEED_PART,
      `unreadable seed summary ${summaryFile}: ${String(err)}`,
      logFile,
    );
  }
}
