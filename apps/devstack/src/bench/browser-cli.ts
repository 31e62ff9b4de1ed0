/**
 * The browser figures alone, against a running stack with the bench archive:
 *   pnpm --filter @bdms/devstack exec tsx src/bench/browser-cli.ts --portal http://localhost:8080 --runs 1
 * Options: --rows N (the complete result's size, 100000), --query JSON (a SearchQuery; default:
 * the bench night's LSTN-01 files), --chromium PATH. Exits 1 when a target is missed.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../lib/logger.ts';
import { browserFigures } from './browser.ts';
import { formatFigure, meets } from './stats.ts';

/** The bench archive's big night on LSTN-01: 100 000 files (python/seed, reference.py). */
export const BENCH_NIGHT_QUERY = {
  scopes: ['acada'],
  didType: 'file',
  groups: [
    [
      { key: 'observing_night', op: '=', value: '2025-11-20' },
      { key: 'array_element', op: '=', value: 'LSTN-01' },
    ],
  ],
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      portal: { type: 'string', default: 'http://localhost:8080' },
      runs: { type: 'string', default: '3' },
      rows: { type: 'string', default: '100000' },
      query: { type: 'string' },
      chromium: { type: 'string' },
    },
    strict: true,
  });
  const log = createLogger('bench');
  const figures = await browserFigures(
    {
      portalUrl: values.portal,
      query: values.query === undefined ? BENCH_NIGHT_QUERY : (JSON.parse(values.query) as unknown),
      expectRows: Number(values.rows),
      runs: Number(values.runs),
      ...(values.chromium !== undefined && { chromiumPath: values.chromium }),
    },
    log,
  );
  for (const figure of figures) log.info(formatFigure(figure));
  return figures.every(meets) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    createLogger('bench').error(
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    process.exitCode = 1;
  },
);
