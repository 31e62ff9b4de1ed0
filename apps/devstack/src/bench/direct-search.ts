/**
 * The best a direct client can do with the calls the BFF makes for an enriched search, so the
 * benchmark can compare like with like: Rucio's search streamed, its names cut into batches
 * (two of 50 first, then 1 000: Rucio's bulk metadata maximum), up to three batches at Rucio at
 * once while names keep arriving, rows of another DID type dropped. Each of the two first batches
 * is a `POST /dids/bulkmeta` pair at once (plugins DID_COLUMN and JSON, merged), every later batch
 * one with plugin ALL.
 * The BFF additionally sends a batch early when names trickle in; here they never do.
 */
import { textLines, type LineTiming } from './line-timing.ts';

export interface DirectSearch {
  rucioUrl: string;
  token: string;
  scope: string;
  /** Rucio's `type` parameter and `filters` Python literal, as the BFF sends them. */
  type: string;
  filters: string;
}

const SIZES = [50, 50, 1000];
const IN_FLIGHT = 3;
const SPLIT_FIRST = 2;

type Plugin = 'ALL' | 'DID_COLUMN' | 'JSON';
type MetaRecord = { scope: string; name: string; did_type?: string } & Record<string, unknown>;

export function rucioSearchUrl(s: DirectSearch): string {
  const params = new URLSearchParams({ type: s.type, long: 'false', filters: s.filters });
  return `${s.rucioUrl}/dids/${encodeURIComponent(s.scope)}/dids/search?${params.toString()}`;
}

async function bulkMeta(s: DirectSearch, names: string[], plugin: Plugin): Promise<MetaRecord[]> {
  const res = await fetch(`${s.rucioUrl}/dids/bulkmeta`, {
    method: 'POST',
    headers: {
      'X-Rucio-Auth-Token': s.token,
      'content-type': 'application/json',
      accept: 'application/x-json-stream',
    },
    body: JSON.stringify({
      dids: names.map((name) => ({ scope: s.scope, name })),
      inherit: false,
      plugin,
    }),
  });
  if (!res.ok || !res.body) throw new Error(`bulkmeta: HTTP ${res.status} ${await res.text()}`);
  const records: MetaRecord[] = [];
  for await (const line of textLines(res.body)) records.push(JSON.parse(line) as MetaRecord);
  return records;
}

/** The batch's records as plugin ALL gives them: one call, or the DID_COLUMN and JSON pair merged. */
async function batchRecords(s: DirectSearch, names: string[], split: boolean) {
  if (!split) return bulkMeta(s, names, 'ALL');
  const [columns, json] = await Promise.all([
    bulkMeta(s, names, 'DID_COLUMN'),
    bulkMeta(s, names, 'JSON'),
  ]);
  const meta = new Map(json.map((r) => [`${r.scope}:${r.name}`, r]));
  return columns.map((r) => ({ ...r, ...meta.get(`${r.scope}:${r.name}`) }));
}

async function bulkMetaRows(
  s: DirectSearch,
  names: string[],
  wanted: string,
  split: boolean,
): Promise<number> {
  let rows = 0;
  for (const record of await batchRecords(s, names, split))
    if (wanted === 'all' || record.did_type === wanted.toUpperCase()) rows += 1;
  return rows;
}

/** The enriched search made straight at Rucio; times as the client sees them. */
export async function directEnrichedSearch(s: DirectSearch, firstRows = 100): Promise<LineTiming> {
  const t0 = performance.now();
  const res = await fetch(rucioSearchUrl(s), {
    headers: { 'X-Rucio-Auth-Token': s.token, accept: 'application/x-json-stream' },
  });
  if (!res.ok || !res.body) throw new Error(`search: HTTP ${res.status} ${await res.text()}`);
  let ttfbMs = -1;
  let bytes = 0;
  let rows = 0;
  let firstRowsMs = -1;
  const queue: Promise<number>[] = [];
  const drain = async (): Promise<void> => {
    rows += (await queue.shift()) ?? 0;
    if (firstRowsMs < 0 && rows >= firstRows) firstRowsMs = performance.now() - t0;
  };
  let batch: string[] = [];
  let sent = 0;
  const send = (): void => {
    const work = bulkMetaRows(s, batch, s.type, sent < SPLIT_FIRST);
    sent += 1;
    void work.catch(() => undefined);
    queue.push(work);
    batch = [];
  };
  const onChunk = (n: number): void => {
    if (ttfbMs < 0) ttfbMs = performance.now() - t0;
    bytes += n;
  };
  for await (const line of textLines(res.body, onChunk)) {
    batch.push(JSON.parse(line) as string);
    if (batch.length < (SIZES[Math.min(sent, SIZES.length - 1)] ?? 1000)) continue;
    send();
    if (queue.length >= IN_FLIGHT) await drain();
  }
  if (batch.length) send();
  while (queue.length) await drain();
  return { ttfbMs, firstRowsMs, ttlbMs: performance.now() - t0, rows, bytes };
}
