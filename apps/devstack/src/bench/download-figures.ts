/** Pure: the downloads bench's figures from its samples (issue 8, "Performance, in the benchmark"). */
import type { Timing } from './probes.ts';
import { range, summarize, type Figure } from './stats.ts';

const MB = 1e6;
const MiB = 1024 * 1024;

/** Throughput of one transfer in MB/s: `bytes` (default: the bytes received) over time to last byte. */
export const throughput = (t: Timing, bytes = t.bytes): number => bytes / MB / (t.ttlbMs / 1000);

const mbs = (xs: number[]) => {
  const s = summarize(xs);
  return { s, detail: `min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, n ${s.n}` };
};

/**
 * Median throughput each way and the ratio of `via` to `direct` (medians), held at ≥ `limit`
 * (undefined: printed without a target). `bytes`: the payload the throughput is counted on (e.g.
 * the files in a ZIP, not its headers).
 */
export function throughputFigures(
  label: string,
  via: { name: string; samples: Timing[]; bytes?: number },
  direct: { name: string; samples: Timing[]; bytes?: number },
  limit: number | undefined,
): Figure[] {
  const v = mbs(via.samples.map((t) => throughput(t, via.bytes)));
  const d = mbs(direct.samples.map((t) => throughput(t, direct.bytes)));
  return [
    { name: `${label} ${via.name} (median)`, value: v.s.median, unit: 'MB/s', detail: v.detail },
    { name: `${label} ${direct.name} (median)`, value: d.s.median, unit: 'MB/s', detail: d.detail },
    {
      name: `${label} throughput ${via.name}/${direct.name}`,
      value: v.s.median / d.s.median,
      unit: 'x',
      ...(limit === undefined ? {} : { target: { op: '>=', limit } }),
    },
  ];
}

/** Median time to first byte `via` minus `direct`, held at ≤ `budgetMs`. */
export function ttfbFigure(
  label: string,
  via: Timing[],
  direct: Timing[],
  budgetMs: number,
): Figure {
  const v = summarize(via.map((t) => t.ttfbMs));
  const d = summarize(direct.map((t) => t.ttfbMs));
  return {
    name: `${label} ttfb - direct`,
    value: v.median - d.median,
    unit: 'ms',
    detail: `median ${v.median.toFixed(1)} vs ${d.median.toFixed(1)} ms direct; ${range(v)}`,
    target: { op: '<=', limit: budgetMs },
  };
}

/** One piece of work's memory: RSS before it (heap settled) and the highest RSS while it ran. */
export interface RssUse {
  idle: number;
  peak: number;
}

/** Median RSS peak − idle in MiB, held at ≤ `limit` when given. */
export function rssGrowthFigure(label: string, uses: RssUse[], limit?: number): Figure {
  const g = summarize(uses.map((u) => (u.peak - u.idle) / MiB));
  const idle = summarize(uses.map((u) => u.idle / MiB));
  return {
    name: `${label} BFF RSS peak - idle`,
    value: g.median,
    unit: 'MiB',
    detail: `${range(g)}; idle ${idle.median.toFixed(0)} MiB after GC`,
    ...(limit === undefined ? {} : { target: { op: '<=', limit } }),
  };
}

/**
 * Streaming means memory does not grow with size: the median growth of the large piece of work
 * minus that of the small one, held at ≤ `limit` MiB.
 */
export function rssScalingFigure(
  label: string,
  small: RssUse[],
  large: RssUse[],
  limit: number,
): Figure {
  const growth = (uses: RssUse[]) => summarize(uses.map((u) => (u.peak - u.idle) / MiB)).median;
  return {
    name: `${label} BFF RSS growth, large - small`,
    value: growth(large) - growth(small),
    unit: 'MiB',
    detail: 'median peak - idle of each',
    target: { op: '<=', limit },
  };
}

/**
 * Median time each way (`ways[0]` is the direct one) and each other way's median over the
 * direct median, held at ≤ `limit`; the ways named in `reference` are printed with theirs, not
 * held (a yardstick, such as the bare proxy of the range figure).
 */
export function costFigures(
  label: string,
  ways: readonly { name: string; ms: number[] }[],
  limit: number,
  reference: readonly string[] = [],
): Figure[] {
  const [direct, ...others] = ways.map((w) => ({ name: w.name, s: summarize(w.ms) }));
  if (!direct) return [];
  const each = [direct, ...others].map((w): Figure => ({
    name: `${label} ${w.name} (median)`,
    value: w.s.median,
    unit: 'ms',
    detail: range(w.s),
  }));
  const ratios = others.map((w): Figure => ({
    name: `${label} ${w.name}/${direct.name}`,
    value: w.s.median / direct.s.median,
    unit: 'x',
    ...(reference.includes(w.name) ? {} : { target: { op: '<=', limit } }),
  }));
  return [...each, ...ratios];
}
