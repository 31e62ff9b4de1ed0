/**
 * The benchmark (../shared/BENCH.md): the same listing — every DID of the bench archive's big
 * dataset — fetched through the BFF and straight from Rucio, interleaved (B D B D …) after a
 * warm-up, medians of the runs, plus the BFF's idle and peak RSS sampled every 50 ms.
 */
import type { Logger } from '../lib/logger.ts';
import { timeFetch, rssBytes, sampleRss, type Timing } from './probes.ts';
import { directAccessToken, portalSession } from './sessions.ts';
import { summarize, type Figure, type Summary } from './stats.ts';

export interface BenchInput {
  portalUrl: string;
  rucioUrl: string;
  issuer: string;
  bffPid: number;
  dataset: { scope: string; name: string; files: number };
  runs: number;
}

const MiB = 1024 * 1024;
const enc = encodeURIComponent;

async function idleRss(pid: number): Promise<number> {
  const sampler = sampleRss(pid);
  await new Promise((r) => setTimeout(r, 1000));
  return summarize(sampler.stop()).median;
}

const range = (s: Summary) => `min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, n ${s.n}`;

/** Median through the BFF, median direct, and their ratio held against the target. */
function comparison(label: string, viaBff: number[], direct: number[]): Figure[] {
  const b = summarize(viaBff);
  const d = summarize(direct);
  return [
    { name: `${label} via BFF (median)`, value: b.median, unit: 'ms', detail: range(b) },
    { name: `${label} direct (median)`, value: d.median, unit: 'ms', detail: range(d) },
    {
      name: `${label} ratio BFF/direct`,
      value: b.median / d.median,
      unit: 'x',
      target: { op: '<=', limit: 1.5 },
    },
  ];
}

export async function runBench(input: BenchInput, log: Logger): Promise<Figure[]> {
  const { scope, name, files } = input.dataset;
  const cookie = await portalSession(input.portalUrl);
  const token = await directAccessToken(input.issuer);
  const viaBff = () =>
    timeFetch(`${input.portalUrl}/api/dids/${enc(scope)}/${enc(name)}/contents`, { cookie });
  const direct = () =>
    timeFetch(`${input.rucioUrl}/dids/${enc(scope)}/${enc(name)}/dids`, {
      'X-Rucio-Auth-Token': token,
      accept: 'application/x-json-stream',
    });

  log.info(
    `bench: ${files} DIDs in ${scope}:${name}; warm-up, then ${input.runs} interleaved runs each`,
  );
  await viaBff();
  await direct();
  const idle = await idleRss(input.bffPid);
  const sampler = sampleRss(input.bffPid);
  const bff: Timing[] = [];
  const rucio: Timing[] = [];
  for (let i = 0; i < input.runs; i++) {
    bff.push(await viaBff());
    rucio.push(await direct());
  }
  const peak = Math.max(...sampler.stop(), rssBytes(input.bffPid));

  return [
    ...comparison(
      'list-dids ttfb',
      bff.map((t) => t.ttfbMs),
      rucio.map((t) => t.ttfbMs),
    ),
    ...comparison(
      'list-dids ttlb',
      bff.map((t) => t.ttlbMs),
      rucio.map((t) => t.ttlbMs),
    ),
    {
      name: 'list-dids rows',
      value: files,
      unit: 'DIDs',
      detail: `${((bff[0]?.bytes ?? 0) / 1024) | 0} KiB via BFF, ${((rucio[0]?.bytes ?? 0) / 1024) | 0} KiB direct`,
    },
    { name: 'BFF RSS idle', value: idle / MiB, unit: 'MiB' },
    { name: 'BFF RSS peak', value: peak / MiB, unit: 'MiB' },
    {
      name: 'BFF RSS peak - idle',
      value: (peak - idle) / MiB,
      unit: 'MiB',
      target: { op: '<=', limit: 64 },
    },
  ];
}
