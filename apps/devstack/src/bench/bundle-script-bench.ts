/**
 * The ZIP bundle and script figures of issue 8. Bundle: a dataset of 100 files (1 GiB) as one
 * ZIP through the BFF vs the same 100 files read straight from the storage one after another
 * (as the bundle reads them), interleaved after a warm-up; then as many bundles again with the
 * BFF's RSS sampled every 50 ms (its heap settled by forced GCs first, so not the timed ones).
 * Script: the curl script of a 1 000-file and of a 100 000-file dataset, interleaved, with the
 * BFF's RSS peak over idle for each: streamed, the larger costs no more.
 */
import type { Logger } from '../lib/logger.ts';
import type { RucioAt } from '../core/rucio-files.ts';
import { measureMemory } from './bff-memory.ts';
import { rotation } from './interleave.ts';
import {
  rssGrowthFigure,
  rssScalingFigure,
  throughputFigures,
  type RssUse,
} from './download-figures.ts';
import { benchPfns, didUrl, type BenchDataset } from './downloads-data.ts';
import { curlGet, curlOne, timeGet, type Timing } from './probes.ts';
import { directStorageToken } from './sessions.ts';
import { range, summarize, type Figure } from './stats.ts';

interface BffAt {
  portalUrl: string;
  issuer: string;
  bffPid: number;
  cookie: string;
  runs: number;
}

/** The BFF's work, timed by the client, with its RSS idle (settled) and peak meanwhile. */
async function withRss(b: BffAt, work: () => Promise<Timing>) {
  const use = await measureMemory(b.portalUrl, b.bffPid, work);
  return { timing: use.result, rss: { idle: use.idle, peak: use.peak } };
}

/** Each file of `pfns` read straight, one after the other (one curl): one timing for them all. */
async function readStraight(pfns: string[], token: string): Promise<Timing> {
  const each = await curlGet(pfns, { authorization: `Bearer ${token}` });
  const sum = (f: (t: Timing) => number) => each.reduce((n, t) => n + f(t), 0);
  return {
    ttfbMs: each[0]?.ttfbMs ?? 0,
    ttlbMs: sum((t) => t.ttlbMs),
    bytes: sum((t) => t.bytes),
    status: 200,
  };
}

export async function bundleFigures(
  b: BffAt & { at: RucioAt; dataset: BenchDataset },
  log: Logger,
): Promise<Figure[]> {
  const { dataset } = b;
  const pfns = [...(await benchPfns(b.at, dataset)).values()];
  const token = await directStorageToken(b.issuer);
  const url = didUrl(b.portalUrl, dataset, 'bundle');
  const zip = () => withRss(b, () => curlOne(url, { cookie: b.cookie }));
  const straight = () => readStraight(pfns, token);
  log.info(
    `bench: ZIP of ${dataset.files.length} files (1 GiB) vs the files straight; ${b.runs} interleaved runs, then ${b.runs} for the BFF's memory`,
  );
  await zip();
  await straight();
  const viaBff: Timing[] = [];
  const direct: Timing[] = [];
  const rss: RssUse[] = [];
  // Timed runs alone: the memory runs force full GCs first, which leave V8's young generation
  // small, and the bundle that follows ran 35 % slower by hand (3.5–4.1 s against 2.6–3.8 s).
  for (let i = 0; i < b.runs; i++)
    for (const way of rotation(['zip', 'straight'] as const, i))
      if (way === 'zip') viaBff.push(await curlOne(url, { cookie: b.cookie }));
      else direct.push(await straight());
  for (let i = 0; i < b.runs; i++) rss.push((await zip()).rss);
  const bad = direct.find((t) => t.bytes !== dataset.bytes);
  if (bad) throw new Error(`straight: ${bad.bytes} bytes of ${dataset.bytes}`);
  return [
    ...throughputFigures(
      'ZIP 1 GiB in 100 files',
      // Counted on the files' bytes: the ZIP's own headers are the BFF's cost.
      { name: 'via BFF', samples: viaBff, bytes: dataset.bytes },
      { name: 'straight', samples: direct, bytes: dataset.bytes },
      0.9,
    ),
    rssGrowthFigure('ZIP 1 GiB', rss, 64),
  ];
}

/** Counts the lines of a curl script that fetch a file, across chunk boundaries. */
export function fetchLineCounter(): { add: (chunk: Buffer) => void; count: () => number } {
  let rest = '';
  let n = 0;
  return {
    add: (chunk) => {
      const lines = (rest + chunk.toString('latin1')).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) if (l.startsWith('fetch ')) n += 1;
    },
    count: () => n + (rest.startsWith('fetch ') ? 1 : 0),
  };
}

export async function scriptFigures(
  b: BffAt & { small: BenchDataset; large: BenchDataset },
  log: Logger,
): Promise<Figure[]> {
  const script = async (ds: BenchDataset) => {
    const lines = fetchLineCounter();
    const used = await withRss(b, () =>
      timeGet(didUrl(b.portalUrl, ds, 'script?format=curl'), { cookie: b.cookie }, 200, lines.add),
    );
    if (lines.count() !== ds.files.length)
      throw new Error(
        `the script of ${ds.name} fetches ${lines.count()} of ${ds.files.length} files`,
      );
    return used;
  };
  const { small, large } = b;
  // Rucio lists a 100 000-file dataset's replicas in minutes on a loaded 2-CPU machine (measured
  // 200 s): at most 3 rounds here, and only the small script warms the BFF up.
  const runs = Math.min(b.runs, 3);
  log.info(
    `bench: curl scripts of ${small.files.length} and ${large.files.length} files; ${runs} interleaved runs`,
  );
  await script(small);
  const uses = { small: [] as RssUse[], large: [] as RssUse[] };
  const times: number[] = [];
  for (let i = 0; i < runs; i++)
    for (const size of rotation(['large', 'small'] as const, i)) {
      const { timing, rss } = await script(size === 'small' ? small : large);
      uses[size].push(rss);
      if (size === 'large') times.push(timing.ttlbMs);
    }
  const t = summarize(times.map((ms) => ms / 1000));
  return [
    rssGrowthFigure(`script ${small.files.length} files`, uses.small),
    rssGrowthFigure(`script ${large.files.length} files`, uses.large, 64),
    rssScalingFigure('script', uses.small, uses.large, 16),
    {
      name: `script ${large.files.length} files ttlb`,
      value: t.median,
      unit: 's',
      detail: range(t),
    },
  ];
}
