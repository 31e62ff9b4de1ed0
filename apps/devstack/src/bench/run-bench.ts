/**
 * The benchmark (../shared/BENCH.md). Listing: the same listing — every DID of a bench-archive dataset —
 * fetched through the BFF and straight from Rucio with a token of the same user, interleaved
 * (B D B D …) after a warm-up; medians of the runs; the BFF's RSS sampled every 50 ms. Two sizes
 * (10 000 and 100 000 DIDs) show whether the BFF's memory grows with the listing; the heap is
 * settled (GC) before each measured listing. Load: 200 signed-in sessions on cached reads
 * (load.ts). GeoIP: Rucio's replica listing with its default sort vs a random one (geoip-bench.ts).
 * Replica map: a container's map through the BFF vs the same Rucio calls (replica-map-bench.ts).
 * Downloads: a 1 GiB file, its last MiB, a 1 GiB ZIP and big scripts (downloads-bench.ts).
 */
import type { BenchPart } from '../cli-args.ts';
import type { Logger } from '../lib/logger.ts';
import { MiB, settle } from './bff-memory.ts';
import { browserFigures } from './browser.ts';
import { downloadsFigures } from './downloads-bench.ts';
import { geoipFigures } from './geoip-bench.ts';
import { replicaMapFigures } from './replica-map-bench.ts';
import { quotaFigures } from './quotas-bench.ts';
import { runLoad, portalSessions, type LoadCase } from './load.ts';
import { timeFetch, rssBytes, sampleRss, type Timing } from './probes.ts';
import { nightSearch, searchFigures } from './search-bench.ts';
import { directAccessToken, portalSession } from './sessions.ts';
import { comparison, range, summarize, type Figure } from './stats.ts';

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
  /**
   * The large listing (targets apply; null when only parts that make their own data run) and,
   * optionally, a 10x smaller one for the memory figure.
   */
  dataset: DatasetRef | null;
  smaller: DatasetRef | null;
  runs: number;
  /** Runs of each whole enriched search and export (long: 100 000 rows each). */
  searchRuns: number;
  /** The parts to run (all by default). */
  only: readonly BenchPart[];
  /** The load figure: this many signed-in sessions (one connection each), rounds × seconds. */
  load: { sessions: number; seconds: number; rounds: number };
  /** Rucio's log, where the GeoIP figure counts download attempts. */
  rucioLog: string;
  /** The dev storage's folder (the downloads figures write their own files there). */
  storageRoot: string;
}

interface Measured {
  bff: Timing[];
  direct: Timing[];
  /** Per BFF listing: RSS peak while it ran − RSS idle (heap settled) before it. */
  growth: number[];
  /** Per BFF listing: live heap after it (settled) − live heap before it. */
  retained: number[];
  idle: number;
  peak: number;
}

const enc = encodeURIComponent;
const median = (xs: number[]) => summarize(xs).median;

/**
 * Interleaved runs (B D B D …). Before each BFF listing the heap is settled, so "idle" is the
 * live heap plus what V8 keeps reserved, the same state every time; RSS is sampled every 50 ms
 * while the listing streams; afterwards the heap is settled again to see what the listing left.
 */
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
  const out: Measured = { bff: [], direct: [], growth: [], retained: [], idle: 0, peak: 0 };
  if (auth.warmUpOnly) {
    await viaBff();
    await direct();
    return out;
  }
  for (let i = 0; i < input.runs; i++) {
    const before = await settle(input.portalUrl);
    const idle = rssBytes(input.bffPid);
    const sampler = sampleRss(input.bffPid);
    out.bff.push(await viaBff());
    const peak = Math.max(...sampler.stop(), rssBytes(input.bffPid));
    const after = await settle(input.portalUrl);
    out.growth.push((peak - idle) / MiB);
    out.retained.push((after.heapUsed - before.heapUsed) / MiB);
    out.idle = i === 0 ? idle : Math.min(out.idle, idle);
    out.peak = Math.max(out.peak, peak);
    out.direct.push(await direct());
  }
  return out;
}

function memoryFigures(files: number, m: Measured, limit?: number): Figure[] {
  const g = summarize(m.growth);
  const r = summarize(m.retained);
  return [
    {
      name: `BFF RSS peak - idle, ${files} DIDs`,
      value: g.median,
      unit: 'MiB',
      detail: `${range(g)}; idle ${(m.idle / MiB).toFixed(0)} MiB after GC`,
      ...(limit === undefined ? {} : { target: { op: '<=', limit } }),
    },
    {
      name: `BFF heap kept after ${files} DIDs`,
      value: r.median,
      unit: 'MiB',
      detail: `live heap after GC minus before; ${range(r)}`,
      target: { op: '<=', limit: 2 },
    },
  ];
}

async function listingFigures(
  input: BenchInput & { dataset: DatasetRef },
  auth: { cookie: string; token: string },
  log: Logger,
) {
  // Warm both listings up first: the first heavy use grows V8's heap once; measured after it,
  // every run starts from the same settled state.
  const cold = await settle(input.portalUrl);
  for (const ds of [input.smaller, input.dataset])
    if (ds) await measure(input, ds, { ...auth, warmUpOnly: true });
  const figures: Figure[] = [
    {
      name: 'BFF RSS idle before any listing',
      value: cold.rss / MiB,
      unit: 'MiB',
      detail: 'after GC',
    },
  ];
  let small: Measured | undefined;
  if (input.smaller) {
    log.info(
      `bench: ${input.smaller.files} DIDs in ${input.smaller.scope}:${input.smaller.name} (memory reference)`,
    );
    small = await measure(input, input.smaller, auth);
    figures.push(
      ...comparison(
        `list ${input.smaller.files} ttlb`,
        small.bff.map((t) => t.ttlbMs),
        small.direct.map((t) => t.ttlbMs),
      ),
      ...memoryFigures(input.smaller.files, small),
    );
  }
  const { files } = input.dataset;
  log.info(
    `bench: ${files} DIDs in ${input.dataset.scope}:${input.dataset.name}; ${input.runs} interleaved runs each`,
  );
  const m = await measure(input, input.dataset, auth);
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
    { name: 'BFF RSS peak', value: m.peak / MiB, unit: 'MiB' },
    ...memoryFigures(files, m, 64),
  );
  if (small) {
    // Streaming means a 10x longer listing costs the BFF (almost) no more memory.
    figures.push({
      name: 'BFF RSS growth for 10x the rows',
      value: median(m.growth) - median(small.growth),
      unit: 'MiB',
      detail: 'median peak - idle, large minus small',
      target: { op: '<=', limit: 16 },
    });
  }
  return figures;
}

/** 200 signed-in sessions on cached reads through the BFF vs the same reads straight from Rucio. */
async function loadFiguresFor(input: BenchInput, token: string, account: string, log: Logger) {
  log.info(`bench: signing in ${input.load.sessions} portal sessions`);
  const cookies = await portalSessions(input.portalUrl, input.load.sessions);
  const session = (i: number) => ({ cookie: cookies[i % cookies.length] ?? '' });
  const rucio = () => ({ 'X-Rucio-Auth-Token': token });
  const cases: LoadCase[] = [
    {
      label: 'GET /api/me',
      viaBff: { url: `${input.portalUrl}/api/me`, headersFor: session },
      // What /api/me asks Rucio (whoami answers 303 to this).
      direct: { url: `${input.rucioUrl}/accounts/${enc(account)}`, headersFor: rucio },
    },
    {
      label: 'GET /api/scopes',
      viaBff: { url: `${input.portalUrl}/api/scopes`, headersFor: session },
      direct: { url: `${input.rucioUrl}/scopes/`, headersFor: rucio },
    },
  ];
  return runLoad(
    cases,
    {
      connections: input.load.sessions,
      durationSec: input.load.seconds,
      rounds: input.load.rounds,
    },
    log,
  );
}

export async function runBench(input: BenchInput, log: Logger): Promise<Figure[]> {
  const auth = {
    cookie: await portalSession(input.portalUrl),
    token: await directAccessToken(input.issuer),
  };
  const me = await fetch(`${input.portalUrl}/api/me`, { headers: { cookie: auth.cookie } });
  const { account } = (await me.json()) as { account: string };
  const figures: Figure[] = [];
  const part = (p: BenchPart): boolean => input.only.includes(p);
  const big = (): DatasetRef => {
    if (!input.dataset) throw new Error("this part needs the bench seed's 100 000-file night");
    return input.dataset;
  };
  if (part('listing'))
    figures.push(...(await listingFigures({ ...input, dataset: big() }, auth, log)));
  if (part('search')) {
    if (!input.smaller) throw new Error("the search figures need the bench seed's second night");
    const search = {
      ...auth,
      ...input,
      big: nightSearch(big()),
      small: nightSearch(input.smaller),
    };
    figures.push(...(await searchFigures(search, log)));
  }
  if (part('browser')) {
    const browser = {
      portalUrl: input.portalUrl,
      query: nightSearch(big()).query,
      expectRows: big().files,
      runs: input.searchRuns,
    };
    figures.push(...(await browserFigures(browser, log)));
  }
  if (part('load')) figures.push(...(await loadFiguresFor(input, auth.token, account, log)));
  if (part('geoip')) {
    if (!input.smaller)
      throw new Error("the GeoIP figures need the bench seed's 10 000-file night");
    const geoip = { ...input, token: auth.token, dataset: input.smaller };
    figures.push(...(await geoipFigures(geoip, log)));
  }
  if (part('replicas')) {
    if (!input.smaller)
      throw new Error("the replica-map figures need the bench seed's 10 000-file night");
    // The telescope's whole container (/ctao/acada/DL0/<telescope>): the night and the others.
    const name = input.smaller.name.split('/').slice(0, 5).join('/');
    const maps = { ...input, ...auth, container: { scope: input.smaller.scope, name } };
    figures.push(...(await replicaMapFigures(maps, log)));
  }
  if (part('downloads'))
    figures.push(...(await downloadsFigures({ ...input, cookie: auth.cookie }, log)));
  // Seeds its own 200 accounts × 12 RSEs (bench-only) and signs in as the admin.
  if (part('quotas')) figures.push(...(await quotaFigures(input, log)));
  return figures;
}
