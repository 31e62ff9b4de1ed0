/**
 * The GeoIP figures of issue 10: `POST /replicas/list` for a whole dataset with Rucio's default
 * sort (geoip: every replica placed with the devstack's GeoIP database) against the same listing
 * with `"sort": "random"` (no lookups), interleaved after a warm-up, for a client the database
 * places, sent as the BFF sends the user: the address (X-Forwarded-For and client_location) with
 * the coordinates the BFF found for it (GEOIP_CITY_DB, the same database), so Rucio places only
 * the replicas. Beside them, not held to the target: the same sort for a client that sends its
 * address alone (Rucio then places the client too, once per replica). And how often Rucio said
 * it had to download the database after the first call (once, into its cache, then read there).
 */
import { DEV_GEO_CLIENTS } from '@bdms/dev-fixtures';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Logger } from '../lib/logger.ts';
import { timeLines, type LineTiming } from './line-timing.ts';
import { rotated } from './interleave.ts';
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

/** How the client is described to Rucio: as the BFF does (with coordinates), or by address. */
export type ClientDescription = 'coordinates' | 'address';

export function geoipProbe(input: GeoipBenchInput) {
  const ip = input.clientIp ?? DEV_GEO_CLIENTS.berlin.ip;
  const place = Object.values(DEV_GEO_CLIENTS).find((c) => c.ip === ip);
  const { scope, name, files } = input.dataset;
  return async (
    sort: 'geoip' | 'random',
    client: ClientDescription = 'coordinates',
  ): Promise<LineTiming> => {
    if (client === 'coordinates' && !place) throw new Error(`${ip} is not a placed dev client`);
    const location =
      client === 'coordinates' && place
        ? { ip, latitude: place.latitude, longitude: place.longitude }
        : { ip };
    const t = await timeLines(
      `${input.rucioUrl}/replicas/list`,
      {
        'X-Rucio-Auth-Token': input.token,
        accept: 'application/x-json-stream',
        'X-Forwarded-For': ip,
      },
      {
        // No `sort` is Rucio's default, geoip: what the BFF and every client get.
        body: {
          dids: [{ scope, name }],
          all_states: true,
          client_location: location,
          ...(sort === 'random' ? { sort } : {}),
        },
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
    `bench: replicas of ${files} files in ${input.dataset.scope}:${input.dataset.name}, geoip (with coordinates, as the BFF sends) vs random vs geoip by address alone; ${input.runs} rotated runs each`,
  );
  // The first call may download the database into Rucio's cache (once); what follows must not.
  const before = sizeOf(input.rucioLog);
  await list('geoip');
  const afterFirst = sizeOf(input.rucioLog);
  await list('random');
  await list('geoip', 'address');
  const [geoip = [], random = [], byAddress = []] = await rotated(input.runs, [
    async () => (await list('geoip')).ttlbMs,
    async () => (await list('random')).ttlbMs,
    async () => (await list('geoip', 'address')).ttlbMs,
  ]);
  const g = summarize(geoip);
  const r = summarize(random);
  const a = summarize(byAddress);
  return [
    { name: `replicas ${files} geoip (median)`, value: g.median, unit: 'ms', detail: range(g) },
    { name: `replicas ${files} random (median)`, value: r.median, unit: 'ms', detail: range(r) },
    {
      name: `replicas ${files} geoip/random`,
      value: g.median / r.median,
      unit: 'x',
      detail: 'the client as the BFF sends it: address and coordinates',
      target: { op: '<=', limit: 1.5 },
    },
    {
      name: `replicas ${files} geoip by address/random`,
      value: a.median / r.median,
      unit: 'x',
      detail: `the client's address alone (Rucio places it for every replica); median ${a.median.toFixed(0)} ms, ${range(a)}`,
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
