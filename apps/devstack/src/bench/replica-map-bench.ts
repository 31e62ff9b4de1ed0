/**
 * The replica-map figures of issue 7: what the DID page's map of a container asks the BFF (its
 * replica summary, its locks per RSE and the RSE list, at once, as the page does) against the same
 * Rucio calls made straight with a token of the same user (the container walked breadth first,
 * 3 listings at a time; its datasets' replicas in bulk and each one's counted now; their locks in
 * one bulk call; the RSE list), interleaved after a warm-up; and how many requests the BFF sent to
 * Rucio for one map, from its own metrics (per dataset or in bulk, never per file).
 */
import type { Logger } from '../lib/logger.ts';
import { interleaved } from './interleave.ts';
import { range, summarize, type Figure } from './stats.ts';

export interface ReplicaMapBenchInput {
  portalUrl: string;
  rucioUrl: string;
  cookie: string;
  token: string;
  container: { scope: string; name: string };
  runs: number;
}

interface Did {
  scope: string;
  name: string;
}

const enc = encodeURIComponent;
const STREAM = 'application/x-json-stream';

export async function lines(url: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.text())
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The Rucio calls behind one map, made straight; returns the datasets found and the calls made. */
export async function directMap(
  input: ReplicaMapBenchInput,
): Promise<{ datasets: number; containers: number; calls: number }> {
  const auth = { 'X-Rucio-Auth-Token': input.token };
  const stream = { ...auth, accept: STREAM };
  const did = (d: Did) => `${enc(d.scope)}/${enc(d.name)}`;
  let calls = 0;
  const get = (path: string, body?: unknown, headers = stream) => {
    calls += 1;
    return lines(`${input.rucioUrl}${path}`, headers, body);
  };
  const root = input.container;
  // No DID-type lookup: the BFF remembers a DID's type (it never changes), so after the warm-up
  // its routes make none either, and the same calls are compared.
  let containers = 0;
  const walk = async (): Promise<Did[]> => {
    const datasets: Did[] = [];
    let queue: Did[] = [root];
    while (queue.length) {
      const found: Did[] = [];
      for (let i = 0; i < queue.length; i += 3)
        await Promise.all(
          queue.slice(i, i + 3).map(async (c) => {
            containers += 1;
            for (const child of await get(`/dids/${did(c)}/dids`)) {
              const d = { scope: String(child.scope), name: String(child.name) };
              if (child.type === 'DATASET') datasets.push(d);
              else if (child.type === 'CONTAINER') found.push(d);
            }
          }),
        );
      queue = found;
    }
    return datasets;
  };
  const [datasets] = await Promise.all([
    walk().then(async (ds) => {
      const bulk = get('/replicas/datasets_bulk', { dids: ds });
      for (let i = 0; i < ds.length; i += 3)
        await Promise.all(
          ds.slice(i, i + 3).map((d) => get(`/replicas/${did(d)}/datasets?deep=true`)),
        );
      await bulk;
      return ds;
    }),
    get('/locks/bulk_locks_for_dids', { dids: [{ ...root, type: 'container' }] }),
    get('/rses/'),
  ]);
  return { datasets: datasets.length, containers, calls };
}

/** The map through the BFF: the page's three requests at once. */
export async function bffMap(input: ReplicaMapBenchInput): Promise<void> {
  const base = `${input.portalUrl}/api/dids/${enc(input.container.scope)}/${enc(input.container.name)}`;
  const headers = { cookie: input.cookie, accept: 'application/json' };
  await Promise.all(
    [`${base}/replicas/summary`, `${base}/replicas/locks`, `${input.portalUrl}/api/rses`].map(
      async (url) => {
        const res = await fetch(url, { headers });
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
        await res.arrayBuffer();
      },
    ),
  );
}

async function upstreamRequests(portalUrl: string): Promise<number> {
  const res = await fetch(`${portalUrl}/debug/metrics`);
  return ((await res.json()) as { rucio: { requests: number } }).rucio.requests;
}

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

export async function replicaMapFigures(
  input: ReplicaMapBenchInput,
  log: Logger,
): Promise<Figure[]> {
  const { scope, name } = input.container;
  log.info(
    `bench: replica map of ${scope}:${name}, via the BFF vs straight; ${input.runs} interleaved runs`,
  );
  // A token's first use must come alone: Rucio 41 races storing a JWT it has not seen (401).
  await lines(`${input.rucioUrl}/scopes/`, { 'X-Rucio-Auth-Token': input.token });
  const { datasets, containers } = await directMap(input);
  await bffMap(input);
  let calls = 0;
  const { a: bff, b: direct } = await interleaved(
    input.runs,
    () => timed(() => bffMap(input)),
    () => timed(async () => ({ calls } = await directMap(input))),
  );
  const before = await upstreamRequests(input.portalUrl);
  await bffMap(input);
  const requests = (await upstreamRequests(input.portalUrl)) - before;
  const b = summarize(bff);
  const d = summarize(direct);
  return [
    { name: 'replica map via BFF (median)', value: b.median, unit: 'ms', detail: range(b) },
    { name: 'replica map direct (median)', value: d.median, unit: 'ms', detail: range(d) },
    {
      name: 'replica map ratio BFF/direct',
      value: b.median / d.median,
      unit: 'x',
      target: { op: '<=', limit: 1.1 },
    },
    {
      // Per dataset (its count now) and per container walked, plus a constant; never per file.
      name: 'replica map Rucio requests',
      value: requests,
      unit: 'req',
      detail: `${datasets} datasets below ${containers} containers; straight: ${calls} calls`,
      target: { op: '<=', limit: datasets + containers + 5 },
    },
  ];
}
