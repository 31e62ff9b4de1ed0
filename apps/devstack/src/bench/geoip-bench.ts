/**
 * The GeoIP figures of issue 10: `POST /replicas/list` for a whole dataset with Rucio's default
 * sort (geoip: every replica placed with the devstack's GeoIP database) against the same listing
 * with `"sort": "random"` (no lookups), interleaved after a warm-up, from a client address the
 * database places (as the BFF passes the user's); and how often Rucio said it had to download the
 * database after the first call (it must download once, into its cache, and then read it there).
 */
import { DEV_GEO_CLIENTS } from '@bdms/dev-fixtures';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Logger } from '../lib/logger.ts';
import { timeLines, type LineTiming } from './line-timing.ts';
import { interleaved } from './interleave.ts';
import { range, summarize, type Figure } from './stats.ts';

export interface GeoipBenchInput {
  rucioUrl: string;
  token: string;
  dataset: { scope: string; name: string; files: number };
  /** Interleaved runs of each sort after the warm-up. */
  runs: number;
  /** Rucio's log (gunicorn's stdout, where replica_sorter.py prints). */
  rucioLog: string;
  /** X-Forwarded-For: where Rucio's sort measures from (default: the Berlin test client). */
  clientIp?: string;
}

/** What Rucio 41 prints (replica_sorter.py) each time it finds no database in its cache. */
export const DOWNLOAD_LINE = 'Downloading it';

const sizeOf = (file: string): number => statSync(file, { throwIfNoEntry: false })?.size ?? 0;

/**
 * Lines of `file` between byte offsets `from` and `to` (default: its end) holding `needle`; only
 * that part is read (Rucio's log grows with every request).
 */
export function countLines(file: string, needle: string, from: number, to = sizeOf(file)): number {
  const part = Buffer.alloc(Math.max(0, to - from));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, part, 0, part.length, from);
  } finally {
    closeSync(fd);
  }
  return part
    .toString('utf8')
    .split('\n')
    .filter((l) => l.includes(needle)).length;
}

export function geoipProbe(input: GeoipBenchInput) {
  const ip = input.clientIp ?? DEV_GEO_CLIENTS.berlin.ip;
  const { scope, name, files } = input.dataset;
  return async (sort: 'geoip' | 'random'): Promise<LineTiming> => {
    const t = await timeLines(
      `${input.rucioUrl}/replicas/list`,
      {
        'X-Rucio-Auth-Token': input.token,
        accept: 'application/x-json-stream',
        'X-Forwarded-For': ip,
      },
      {
        // No `sort` is Rucio's default, geoip: what the BFF and every client get.
        body: { dids: [{ scope, name }], all_states: true, ...(sort === 'random' ? { sort } : {}) },
      },
    );
    if (t.rows !== files) throw new Error(`replicas/list (${sort}): ${t.rows} files, not ${files}`);
    return t;
  };
}

export async function geoipFigures(input: GeoipBenchInput, log: Logger): Promise<Figure[]> {
  const list = geoipProbe(input);
  const { files } = input.dataset;
  log.info(
    `bench: replicas of ${files} files in ${input.dataset.scope}:${input.dataset.name}, geoip vs random sort; ${input.runs} interleaved runs each`,
  );
  // The first call may download the database into Rucio's cache (once); what follows must not.
  const before = sizeOf(input.rucioLog);
  await list('geoip');
  const afterFirst = sizeOf(input.rucioLog);
  await list('random');
  const { a: geoip, b: random } = await interleaved(
    input.runs,
    async () => (await list('geoip')).ttlbMs,
    async () => (await list('random')).ttlbMs,
  );
  const g = summarize(geoip);
  const r = summarize(random);
  return [
    { name: `replicas ${files} geoip (median)`, value: g.median, unit: 'ms', detail: range(g) },
    { name: `replicas ${files} random (median)`, value: r.median, unit: 'ms', detail: range(r) },
    {
      name: `replicas ${files} geoip/random`,
      value: g.median / r.median,
      unit: 'x',
      target: { op: '<=', limit: 1.5 },
    },
    {
      name: 'GeoIP downloads after 1st call',
      value: countLines(input.rucioLog, DOWNLOAD_LINE, afterFirst),
      unit: 'line',
      detail: `"${DOWNLOAD_LINE}" in Rucio's log; ${countLines(input.rucioLog, DOWNLOAD_LINE, before, afterFirst)} during the first call`,
      target: { op: '<=', limit: 0 },
    },
  ];
}
