/**
 * The benchmark (../shared/BENCH.md): the same listing — every DID of a bench-archive dataset —
 * fetched through the BFF and straight from Rucio with a token of the same user, interleaved
 * (B D B D …) after a warm-up; medians of the runs; the BFF's RSS sampled every 50 ms. Two sizes
 * (10 000 and 100 000 DIDs) show whether the BFF's memory grows with the listing.
 */
import type { Logger } from '../lib/logger.ts';
import { timeFetch, rssBytes, sampleRss, type Timing } from './probes.ts';
import { directAccessToken, portalSession } from './sessions.ts';
import { summarize, type Figure, type Summary } from './stats.ts';

export interface DatasetRef {
  scope: string;
  name: string;
  files: number;
}

export interface BenchInput {
  portalUrl: string;
  rucioUrl: string;
  issuer: string;
  bffPid: number;
  /** The large listing (targets apply) and, optionally, a 10x smaller one for the memory figure. */
  dataset: DatasetRef;
  smaller: DatasetRef | null;
  runs: number;
}

interface Measured {
  bff: Timing[];
  direct: Timing[];
  idle: number;
  peak: number;
}

const MiB = 1024 * 1024;
const enc = encodeURIComponent;
const range = (s: Summary) => `min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, n ${s.n}`;

async function idleRss(pid: number): Promise<number> {
  const sampler = sampleRss(pid);
  await new Promise((r) => setTimeout(r, 1000));
  return summarize(sampler.stop()).median;
}

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

async function measure(
  input: BenchInput,
  ds: DatasetRef,
  auth: { cookie: string; token: string; warmUpOnly?: boolean },
): Promise<Measured> {
  const viaBff = () =>
    timeFetch(`${input.portalUrl}/api/dids/${enc(ds.scope)}/${enc(ds.name)}/contents`, {
      cookie: auth.cookie,
    });
  const direct = () =>
    timeFetch(`${input.rucioUrl}/dids/${enc(ds.scope)}/${enc(ds.name)}/dids`, {
      'X-Rucio-Auth-Token': auth.token,
      accept: 'application/x-json-stream',
    });
  if (auth.warmUpOnly) {
    await viaBff();
    await direct();
    return { bff: [], direct: [], idle: 0, peak: 0 };
  }
  const idle = await idleRss(input.bffPid);
  const sampler = sampleRss(input.bffPid);
  const out: Measured = { bff: [], direct: [], idle, peak: 0 };
  for (let i = 0; i < input.runs; i++) {
    out.bff.push(await viaBff());
    out.direct.push(await direct());
  }
  out.peak = Math.max(...sampler.stop(), rssBytes(input.bffPid));
  return out;
}

export async function runBench(input: BenchInput, log: Logger): Promise<Figure[]> {
  const auth = {
    cookie: await portalSession(input.portalUrl),
    token: await directAccessToken(input.issuer),
  };
  // Warm both listings up first: the first heavy use grows V8's heap once (seen: +17 MiB on the
  // first 100 000-row listing, +0 afterwards); measured after it, idle and peak compare like with like.
  const coldIdle = await idleRss(input.bffPid);
  for (const ds of [input.smaller, input.dataset])
    if (ds) await measure(input, ds, { ...auth, warmUpOnly: true });
  const figures: Figure[] = [
    { name: 'BFF RSS idle before any listing', value: coldIdle / MiB, unit: 'MiB' },
  ];
  let smallGrowth: number | undefined;
  if (input.smaller) {
    log.info(
      `bench: ${input.smaller.files} DIDs in ${input.smaller.scope}:${input.smaller.name} (memory reference)`,
    );
    const m = await measure(input, input.smaller, auth);
    smallGrowth = (m.peak - m.idle) / MiB;
    figures.push(
      ...comparison(
        `list ${input.smaller.files} ttlb`,
        m.bff.map((t) => t.ttlbMs),
        m.direct.map((t) => t.ttlbMs),
      ),
    );
    figures.push({
      name: `BFF RSS peak - idle, ${input.smaller.files} DIDs`,
      value: smallGrowth,
      unit: 'MiB',
    });
  }
  const { files } = input.dataset;
  log.info(
    `bench: ${files} DIDs in ${input.dataset.scope}:${input.dataset.name}; ${input.runs} interleaved runs each`,
  );
  const m = await measure(input, input.dataset, auth);
  const growth = (m.peak - m.idle) / MiB;
  figures.push(
    ...comparison(
      `list ${files} ttfb`,
      m.bff.map((t) => t.ttfbMs),
      m.direct.map((t) => t.ttfbMs),
    ),
    ...comparison(
      `list ${files} ttlb`,
      m.bff.map((t) => t.ttlbMs),
      m.direct.map((t) => t.ttlbMs),
    ),
    {
      name: `list ${files} body size`,
      value: (m.bff[0]?.bytes ?? 0) / 1024,
      unit: 'KiB',
      detail: `via BFF; ${((m.direct[0]?.bytes ?? 0) / 1024).toFixed(0)} KiB direct from Rucio`,
    },
    { name: 'BFF RSS idle after warm-up', value: m.idle / MiB, unit: 'MiB' },
    { name: 'BFF RSS peak', value: m.peak / MiB, unit: 'MiB' },
    {
      name: `BFF RSS peak - idle, ${files} DIDs`,
      value: growth,
      unit: 'MiB',
      target: { op: '<=', limit: 64 },
    },
  );
  if (smallGrowth !== undefined) {
    // Streaming means a 10x longer listing costs the BFF (almost) no more memory.
    figures.push({
      name: 'BFF RSS growth for 10x the rows',
      value: growth - smallGrowth,
      unit: 'MiB',
      target: { op: '<=', limit: 16 },
    });
  }
  return figures;
}
