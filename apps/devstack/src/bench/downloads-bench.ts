/**
 * The downloads figures of issue 8. One 1 GiB file fetched three ways, interleaved after a
 * warm-up (rotated each run: A B C, B C A, C A B …): through the BFF with the astronomer's
 * session, through a signed link (no session; the BFF's service credential), and straight from
 * the storage with her own storage token (got as the BFF gets it: a narrowed refresh). Its last
 * 1 MiB asked for with `Range` the same three ways. Both also through a bare proxy (bare-proxy.ts)
 * in front of the direct way: the least an HTTP hop costs here, printed without a target. Then the
 * ZIP bundle and the script (bundle-script-bench.ts). The data is the bench's own
 * (downloads-data.ts), made on first use.
 */
import type { Logger } from '../lib/logger.ts';
import { userpassToken } from '../core/rucio-smoke.ts';
import type { RucioAt } from '../core/rucio-files.ts';
import { startBareProxy } from './bare-proxy.ts';
import { bundleFigures, scriptFigures } from './bundle-script-bench.ts';
import { costFigures, throughputFigures, ttfbFigure } from './download-figures.ts';
import { rotation } from './interleave.ts';
import {
  benchPfns,
  didUrl,
  DOWNLOAD_DATA,
  ensureBenchDataset,
  type BenchDataset,
} from './downloads-data.ts';
import { curlOne, type Timing } from './probes.ts';
import { directStorageToken } from './sessions.ts';
import type { Figure } from './stats.ts';

export interface DownloadsBenchInput {
  portalUrl: string;
  rucioUrl: string;
  issuer: string;
  bffPid: number;
  /** The astronomer's portal session cookie. */
  cookie: string;
  /** Where the dev storage keeps its files (the bench writes its own there). */
  storageRoot: string;
  runs: number;
}

export const LAST_MIB = `bytes=-${String(1024 * 1024)}`;

/** A way to fetch the file: a name and the GET that fetches it (or a range of it). */
export interface Way {
  name: string;
  get: (range?: string) => Promise<Timing>;
  /** The direct way's URL and Authorization header (what the bare proxy forwards to). */
  target?: { url: string; authorization: string };
}

/** The way through the bare proxy (bare-proxy.ts) to the direct way's target. */
export const BARE_PROXY = 'via bare proxy';

/** A signed link to `file`, made by its owner through the portal (POST /api/links). */
async function signedLink(input: DownloadsBenchInput, file: { scope: string; name: string }) {
  const res = await fetch(`${input.portalUrl}/api/links`, {
    method: 'POST',
    headers: {
      cookie: input.cookie,
      'content-type': 'application/json',
      'x-csrf': '1',
      origin: new URL(input.portalUrl).origin,
    },
    body: JSON.stringify({ scope: file.scope, name: file.name, hours: 2 }),
  });
  if (res.status !== 201)
    throw new Error(`POST /api/links: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { url: string }).url;
}

const get = (url: string, headers: Record<string, string>) => (range?: string) =>
  curlOne(url, range ? { ...headers, range } : headers, range ? 206 : 200);

/** The three ways of the single-file figures. */
export async function waysTo(
  input: DownloadsBenchInput,
  at: RucioAt,
  ds: BenchDataset,
): Promise<Way[]> {
  const [file] = ds.files;
  if (!file) throw new Error(`${ds.name} has no file`);
  const pfn = (await benchPfns(at, ds)).get(file.name);
  if (!pfn) throw new Error(`no PFN of ${file.name}`);
  const link = await signedLink(input, file);
  const storage = await directStorageToken(input.issuer);
  const authorization = `Bearer ${storage}`;
  return [
    {
      name: 'via BFF',
      get: get(didUrl(input.portalUrl, file, 'download'), { cookie: input.cookie }),
    },
    { name: 'via link', get: get(link, {}) },
    { name: 'direct', get: get(pfn, { authorization }), target: { url: pfn, authorization } },
  ];
}

/** `runs` rounds of every way, rotated, after one warm-up of each; samples per way. */
export async function interleaved(
  ways: readonly Way[],
  runs: number,
  range?: string,
): Promise<Map<string, Timing[]>> {
  for (const w of ways) await w.get(range);
  const out = new Map<string, Timing[]>(ways.map((w) => [w.name, []]));
  for (let i = 0; i < runs; i++)
    for (const w of rotation(ways, i)) out.get(w.name)?.push(await w.get(range));
  return out;
}

export function singleFileFigures(samples: Map<string, Timing[]>, bytes: number): Figure[] {
  const of = (name: string) => {
    const s = samples.get(name) ?? [];
    const wrong = s.find((t) => t.bytes !== bytes);
    if (wrong) throw new Error(`${name}: ${wrong.bytes} bytes of ${bytes}`);
    return { name, samples: s };
  };
  const direct = of('direct');
  const held = ['via BFF', 'via link'].flatMap((name) => [
    ...throughputFigures('1 GiB file', of(name), direct, 0.95),
    ttfbFigure(`1 GiB file ${name}`, of(name).samples, direct.samples, 20),
  ]);
  // The bare proxy's ratio, as a yardstick (no target): what one hop leaves of the storage's speed.
  if (!samples.has(BARE_PROXY)) return held;
  // Its median and ratio; the direct median is printed already.
  const [median, , ratio] = throughputFigures('1 GiB file', of(BARE_PROXY), direct, undefined);
  return [...held, ...(median && ratio ? [median, ratio] : [])];
}

/**
 * `work` on the ways plus, when the direct way says where it reads, one through the bare proxy
 * in front of the same URL and token; the proxy is stopped after.
 */
export async function withBareProxy<T>(
  ways: readonly Way[],
  work: (ways: Way[]) => Promise<T>,
): Promise<T> {
  const target = ways.find((w) => w.target)?.target;
  if (!target) return work([...ways]);
  const proxy = await startBareProxy(target.url, target.authorization);
  try {
    return await work([...ways, { name: BARE_PROXY, get: get(proxy.url, {}) }]);
  } finally {
    await proxy.stop();
  }
}

function rangeFigures(samples: Map<string, Timing[]>): Figure[] {
  const ms = (name: string) => ({ name, ms: (samples.get(name) ?? []).map((t) => t.ttlbMs) });
  const names = ['direct', 'via BFF', 'via link', ...(samples.has(BARE_PROXY) ? [BARE_PROXY] : [])];
  return costFigures('last 1 MiB', names.map(ms), 1.1, [BARE_PROXY]);
}

/**
 * A section's figures, or, when it fails, one missed figure saying why: the sections measured
 * before it are still printed (a 100 000-file script alone takes minutes on a loaded machine).
 */
async function section(label: string, log: Logger, work: () => Promise<Figure[]>) {
  try {
    return await work();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error(`bench: ${label} failed: ${message}`);
    return [
      {
        name: `${label} failed`,
        value: 1,
        unit: 'err',
        detail: message,
        target: { op: '<=' as const, limit: 0 },
      },
    ];
  }
}

export async function downloadsFigures(input: DownloadsBenchInput, log: Logger): Promise<Figure[]> {
  const at = { url: input.rucioUrl, token: await userpassToken(input.rucioUrl) };
  const data = async (spec: (typeof DOWNLOAD_DATA)[keyof typeof DOWNLOAD_DATA]) =>
    ensureBenchDataset(at, input.storageRoot, spec, log);
  const one = await data(DOWNLOAD_DATA.oneFile);
  const ways = await waysTo(input, at, one);
  const figures = await section('1 GiB file', log, async () => {
    log.info(
      `bench: 1 GiB file via BFF, via link, direct and through a bare proxy; ${input.runs} interleaved runs`,
    );
    return singleFileFigures(
      await withBareProxy(ways, (all) => interleaved(all, input.runs)),
      one.bytes,
    );
  });
  // Many small requests: 4 per run, so the median stands on more than a handful.
  figures.push(
    ...(await section('last 1 MiB', log, async () => {
      log.info(`bench: its last 1 MiB (Range) the same four ways; ${input.runs * 4} runs`);
      return rangeFigures(
        await withBareProxy(ways, (all) => interleaved(all, input.runs * 4, LAST_MIB)),
      );
    })),
  );
  const bundle = await data(DOWNLOAD_DATA.bundle);
  figures.push(
    ...(await section('ZIP', log, () => bundleFigures({ ...input, at, dataset: bundle }, log))),
  );
  const small = await data(DOWNLOAD_DATA.script1k);
  const large = await data(DOWNLOAD_DATA.script100k);
  figures.push(
    ...(await section('script', log, () => scriptFigures({ ...input, small, large }, log))),
  );
  return figures;
}
