/** `bench`: the stack with the bench-size archive, then the figures; non-zero when a target is missed. */
import type { Logger } from '../lib/logger.ts';
import { pidPath, type StatePaths } from '../lib/paths.ts';
import { readPid } from '../lib/pid-file.ts';
import { runBench } from '../bench/run-bench.ts';
import { formatFigure, meets } from '../bench/stats.ts';
import type { StackEnv } from './config.ts';
import { up } from './up.ts';

export async function bench(
  paths: StatePaths,
  env: StackEnv,
  log: Logger,
  opts: { runs: number; loadSeconds: number },
): Promise<boolean> {
  const urls = await up(paths, env, log, {
    reset: false,
    size: 'bench',
    rebuildWeb: false,
    bench: true,
  });
  const summary = urls.seed;
  if (!summary.bigDataset) throw new Error('the bench seed reported no big dataset');
  const bffPid = readPid(pidPath(paths, 'bff'));
  if (bffPid === undefined) throw new Error('the BFF is not running');
  const figures = await runBench(
    {
      portalUrl: urls.portal,
      rucioUrl: urls.rucio,
      issuer: urls.issuer,
      bffPid,
      dataset: summary.bigDataset,
      smaller: summary.mediumDataset,
      runs: opts.runs,
      // BENCH.md: medians of ≥ 5 interleaved runs; the issue: 200 sessions for ≥ 15 s.
      load: { sessions: 200, seconds: opts.loadSeconds, rounds: 5 },
    },
    log,
  );
  process.stdout.write('\nfigure                                  value unit\n');
  for (const f of figures) process.stdout.write(`${formatFigure(f)}\n`);
  const missed = figures.filter((f) => !meets(f));
  if (missed.length) log.error(`missed targets: ${missed.map((f) => f.name).join(', ')}`);
  return missed.length === 0;
}
