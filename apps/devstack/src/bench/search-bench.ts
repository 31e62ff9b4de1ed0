/**
 * The search figures of issue 6 (BENCH.md): the same metadata search through the BFF and straight
 * from Rucio with a token of the same user, interleaved after a warm-up. Names only: Rucio's answer
 * passed on. Enriched: through the BFF vs the direct client making the same calls
 * (direct-search.ts). Memory of the enriched search and of the CSV export at two sizes; upstream
 * requests per search from the BFF's own counter.
 */
import type { Logger } from '../lib/logger.ts';
import { measureMemory, MiB, upstreamRequests, type MemoryUse } from './bff-memory.ts';
import { directEnrichedSearch, rucioSearchUrl, type DirectSearch } from './direct-search.ts';
import { timeLines, type LineTiming } from './line-timing.ts';
import { comparison, range, summarize, type Figure } from './stats.ts';

export interface SearchCase {
  /** The SearchQuery the portal is sent (JSON). */
  query: object;
  /** The same search as Rucio's parameters. */
  direct: Omit<DirectSearch, 'rucioUrl' | 'token'>;
  rows: number;
}

export interface SearchBenchInput {
  portalUrl: string;
  rucioUrl: string;
  bffPid: number;
  cookie: string;
  token: string;
  /** Names-only runs (fast). */
  runs: number;
  /** Enriched and export runs (each a whole 100 000-row result). */
  searchRuns: number;
  big: SearchCase;
  small: SearchCase;
}

/**
 * The bench archive's big nights (seed generate.py `_big_night`): every file of one telescope's
 * night carries `observing_night` and `array_element`, taken here from the dataset's name
 * (`/ctao/acada/DL0/<array element>/<site>/event/<yyyy>/<mm>/<dd>`).
 */
export function nightSearch(ds: { scope: string; name: string; files: number }): SearchCase {
  const parts = ds.name.split('/');
  const element = parts[4];
  const night = parts.slice(-3).join('-');
  if (!element || !/^\d{4}-\d{2}-\d{2}$/.test(night))
    throw new Error(`not a bench night dataset: ${ds.name}`);
  return {
    query: {
      scopes: [ds.scope],
      didType: 'file',
      groups: [
        [
          { key: 'observing_night', op: '=', value: night },
          { key: 'array_element', op: '=', value: element },
        ],
      ],
    },
    direct: {
      scope: ds.scope,
      type: 'file',
      filters: `[{'observing_night': '${night}', 'array_element': '${element}'}]`,
    },
    rows: ds.files,
  };
}

const q = (c: SearchCase): string => encodeURIComponent(JSON.stringify(c.query));

function expectRows(label: string, t: LineTiming, rows: number): LineTiming {
  if (t.rows !== rows) throw new Error(`${label}: ${t.rows} rows, expected ${rows}`);
  return t;
}

export function searchProbes(input: SearchBenchInput) {
  const bff = { cookie: input.cookie };
  const direct = (c: SearchCase): DirectSearch => ({
    ...c.direct,
    rucioUrl: input.rucioUrl,
    token: input.token,
  });
  return {
    namesViaBff: (c: SearchCase) =>
      timeLines(`${input.portalUrl}/api/search?q=${q(c)}&names=true`, bff),
    namesDirect: (c: SearchCase) =>
      timeLines(rucioSearchUrl(direct(c)), {
        'X-Rucio-Auth-Token': input.token,
        accept: 'application/x-json-stream',
      }),
    enrichedViaBff: async (c: SearchCase) =>
      expectRows(
        'enriched via BFF',
        await timeLines(`${input.portalUrl}/api/search?q=${q(c)}`, bff),
        c.rows,
      ),
    enrichedDirect: async (c: SearchCase) =>
      expectRows('enriched direct', await directEnrichedSearch(direct(c)), c.rows),
    csvExport: (c: SearchCase) =>
      timeLines(`${input.portalUrl}/api/search/export?q=${q(c)}&format=csv`, bff, {
        ndjson: false,
      }),
  };
}

const growth = (m: MemoryUse<unknown>): number => (m.peak - m.idle) / MiB;
const peak = (m: MemoryUse<unknown>): number => m.peak / MiB;

/**
 * Peak - idle at the big size, and the growth from the small size to the big one as the difference
 * of their peaks (runs interleaved small, big, small, big…, so the BFF's slow drift of RSS after
 * its start weighs on both alike).
 */
function memoryFigures(label: string, small: MemoryUse<unknown>[], big: MemoryUse<unknown>[]) {
  const b = summarize(big.map(growth));
  const peakSmall = summarize(small.map(peak)).median;
  const peakBig = summarize(big.map(peak)).median;
  return [
    {
      name: `${label} RSS peak - idle, big`,
      value: b.median,
      unit: 'MiB',
      detail: `${range(b)}; idle ${(Math.min(...big.map((m) => m.idle)) / MiB).toFixed(0)} MiB after GC`,
      target: { op: '<=', limit: 64 },
    },
    {
      name: `${label} heap kept, big`,
      value: summarize(big.map((m) => m.retained / MiB)).median,
      unit: 'MiB',
      detail: 'live heap after GC minus before',
      target: { op: '<=', limit: 2 },
    },
    {
      name: `${label} RSS growth small → big`,
      value: peakBig - peakSmall,
      unit: 'MiB',
      detail: `median peak RSS ${peakBig.toFixed(1)} big, ${peakSmall.toFixed(1)} small (MiB)`,
      target: { op: '<=', limit: 16 },
    },
  ] satisfies Figure[];
}

interface EnrichedRuns {
  bff: LineTiming[];
  direct: LineTiming[];
  memory: MemoryUse<LineTiming>[];
  /** Requests the BFF sent Rucio per search, from its counter. */
  requests: number[];
}

const noRuns = (): EnrichedRuns => ({ bff: [], direct: [], memory: [], requests: [] });

/**
 * Interleaved small, big, small, big…; each a BFF run (memory sampled, upstream requests counted),
 * the big ones followed by the direct client's.
 */
async function enrichedRuns(input: SearchBenchInput) {
  const probe = searchProbes(input);
  const out = { small: noRuns(), big: noRuns() };
  for (let i = 0; i < input.searchRuns; i++)
    for (const [size, c] of [
      ['small', input.small],
      ['big', input.big],
    ] as const) {
      const runs = out[size];
      const before = await upstreamRequests(input.portalUrl);
      const m = await measureMemory(input.portalUrl, input.bffPid, () => probe.enrichedViaBff(c));
      runs.requests.push((await upstreamRequests(input.portalUrl)) - before);
      runs.memory.push(m);
      runs.bff.push(m.result);
      // The direct client's figures are compared at the big size only.
      if (size === 'big') runs.direct.push(await probe.enrichedDirect(c));
    }
  return out;
}

async function namesFigures(input: SearchBenchInput, c: SearchCase): Promise<Figure[]> {
  const probe = searchProbes(input);
  const bff: LineTiming[] = [];
  const direct: LineTiming[] = [];
  for (let i = 0; i < input.runs; i++) {
    bff.push(await probe.namesViaBff(c));
    direct.push(await probe.namesDirect(c));
  }
  const ttfb = (ts: LineTiming[]) => summarize(ts.map((t) => t.ttfbMs)).median;
  return [
    ...comparison(
      `names ${c.rows} ttlb`,
      bff.map((t) => t.ttlbMs),
      direct.map((t) => t.ttlbMs),
      1.05,
    ),
    {
      name: `names ${c.rows} ttfb BFF - direct`,
      value: ttfb(bff) - ttfb(direct),
      unit: 'ms',
      detail: `median ttfb ${ttfb(bff).toFixed(0)} via BFF, ${ttfb(direct).toFixed(0)} direct; ${direct[0]?.rows ?? 0} names`,
      target: { op: '<=', limit: 20 },
    },
  ];
}

function enrichedFigures(c: SearchCase, big: EnrichedRuns, small: EnrichedRuns): Figure[] {
  const first = summarize(big.bff.map((t) => t.firstRowsMs));
  const firstDirect = summarize(big.direct.map((t) => t.firstRowsMs));
  const requests = summarize(big.requests);
  // The constant: the two first batches of 50, each as a pair of requests (4 instead of 1).
  const bound = 1 + Math.ceil(c.rows / 1000) + 5;
  return [
    ...comparison(
      `enriched ${c.rows} last row`,
      big.bff.map((t) => t.ttlbMs),
      big.direct.map((t) => t.ttlbMs),
      1.1,
    ),
    {
      name: 'enriched first 100 rows via BFF',
      value: first.median,
      unit: 'ms',
      detail: `${range(first)}; direct client ${firstDirect.median.toFixed(0)} ms`,
      target: { op: '<=', limit: 500 },
    },
    {
      name: 'upstream requests per search',
      value: requests.max,
      unit: 'req',
      detail: `max of ${requests.n}; ${c.rows} rows, 1 scope: bound 1 + ⌈rows/1000⌉ + 5`,
      target: { op: '<=', limit: bound },
    },
    ...memoryFigures('enriched search', small.memory, big.memory),
  ];
}

async function exportFigures(input: SearchBenchInput): Promise<Figure[]> {
  const probe = searchProbes(input);
  const run = (c: SearchCase) =>
    measureMemory(input.portalUrl, input.bffPid, async () => {
      const t = await probe.csvExport(c);
      // A header line, then one line per row.
      return expectRows('CSV export', { ...t, rows: t.rows - 1 }, c.rows);
    });
  const small: MemoryUse<LineTiming>[] = [];
  const big: MemoryUse<LineTiming>[] = [];
  for (let i = 0; i < input.searchRuns; i++) {
    small.push(await run(input.small));
    big.push(await run(input.big));
  }
  const ttlb = summarize(big.map((m) => m.result.ttlbMs));
  return [
    {
      name: `CSV export ${input.big.rows} rows`,
      value: ttlb.median,
      unit: 'ms',
      detail: `${range(ttlb)}; ${((big[0]?.result.bytes ?? 0) / MiB).toFixed(1)} MiB`,
    },
    ...memoryFigures('CSV export', small, big),
  ];
}

/** Every search figure; throws when a result is not the expected set of rows. */
export async function searchFigures(input: SearchBenchInput, log: Logger): Promise<Figure[]> {
  const probe = searchProbes(input);
  log.info(`bench: search warm-up (${input.small.rows} rows through the BFF and direct)`);
  await probe.namesViaBff(input.big);
  await probe.namesDirect(input.big);
  await probe.enrichedViaBff(input.small);
  await probe.enrichedDirect(input.small);
  log.info(`bench: names-only search of ${input.big.rows} files, ${input.runs} interleaved runs`);
  const figures = await namesFigures(input, input.big);
  log.info(
    `bench: enriched search, ${input.searchRuns} runs of ${input.small.rows} and ${input.big.rows}`,
  );
  const { small, big } = await enrichedRuns(input);
  figures.push(...enrichedFigures(input.big, big, small));
  log.info(`bench: CSV export, ${input.searchRuns} runs of each size`);
  figures.push(...(await exportFigures(input)));
  return figures;
}
