/**
 * `bench`: the stack with the bench-size archive, then the figures; non-zero when a target is
 * missed. The figures are taken on a BFF of their own (`bff-bench`, on PORT + 1, in bench mode:
 * --expose-gc and the memory probe route), started beside the developer's BFF and stopped at the
 * end, so restarting the developer's BFF cannot cut a run short and the bench never leaves a BFF
 * in bench mode behind. Same Rucio, IdP, database and session store.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BenchPart } from '../cli-args.ts';
import type { Logger } from '../lib/logger.ts';
import { logPath, type StatePaths } from '../lib/paths.ts';
import { stopDaemon } from '../lib/process.ts';
import { runBench } from '../bench/run-bench.ts';
import { formatFigure, meets } from '../bench/stats.ts';
import { seedSummaryPath } from '../seed/run-seed.ts';
import type { SeedSize } from '../seed/seed-args.ts';
import { parseSeedSummary } from '../seed/seed-summary.ts';
import { startBff } from './apps.ts';
import type { StackEnv } from './config.ts';
import { up } from './up.ts';

/** The size of the archive seeded last (its summary), if any. */
function seededSize(paths: StatePaths): SeedSize | undefined {
  const file = seedSummaryPath(paths);
  if (!existsSync(file)) return undefined;
  const { profile } = parseSeedSummary(readFileSync(file, 'utf8'));
  return profile === 'bench' || profile === 'small' ? profile : undefined;
}

export async function bench(
  paths: StatePaths,
  env: StackEnv,
  log: Logger,
  opts: { runs: number; searchRuns: number; loadSeconds: number; only: readonly BenchPart[] },
): Promise<boolean> {
  // The downloads and quota figures make their own data: alone, they run on whatever archive is
  // seeded.
  const benchArchive = opts.only.some((p) => p !== 'downloads' && p !== 'quotas');
  const size = benchArchive ? 'bench' : (seededSize(paths) ?? env.SEED_SIZE);
  const urls = await up(paths, env, log, { reset: false, size, rebuildWeb: false });
  const summary = urls.seed;
  if (benchArchive && !summary.bigDataset)
    throw new Error('the bench seed reported no big dataset');
  const port = env.PORT + 1;
  const portalUrl = `http://localhost:${port}`;
  const bff = await startBff(paths, {
    port,
    portalUrl,
    issuer: urls.issuer,
    rucioUrl: urls.rucio,
    redisUrl: urls.redisUrl,
    databaseUrl: urls.portalDb,
    bench: true,
  });
  log.info(`bench: BFF in bench mode at ${portalUrl} pid ${bff.pid}`);
  try {
    const figures = await runBench(
      {
        portalUrl,
        rucioUrl: urls.rucio,
        issuer: urls.issuer,
        bffPid: bff.pid,
        dataset: summary.bigDataset,
        smaller: summary.mediumDataset,
        runs: opts.runs,
        searchRuns: opts.searchRuns,
        only: opts.only,
        // BENCH.md: medians of ≥ 5 interleaved runs; the issue: 200 sessions for ≥ 15 s.
        load: { sessions: 200, seconds: opts.loadSeconds, rounds: 5 },
        rucioLog: logPath(paths, 'rucio'),
        storageRoot: paths.storage,
      },
      log,
    );
    process.stdout.write('\nfigure                                  value unit\n');
    for (const f of figures) process.stdout.write(`${formatFigure(f)}\n`);
    const missed = figures.filter((f) => !meets(f));
    if (missed.length) log.error(`missed targets: ${missed.map((f) => f.name).join(', ')}`);
    return missed.length === 0;
  } finally {
    await stopDaemon(paths, 'bff-bench');
  }
}
