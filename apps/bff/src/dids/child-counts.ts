import type { BulkMetaDto, DatasetReplicaDto, DidContentDto } from '@bdms/rucio-client';
import { collect } from '../lib/async-iter.ts';
import { didKey as key, type Did } from './container-walk.ts';

/** A row of a collection's content, with the child's file count when it is a collection. */
export type ContentRow = DidContentDto & { length?: number | null };

export interface CountPorts {
  /** DID columns of ≤ 1 000 DIDs (`POST /dids/bulkmeta`, plugin DID_COLUMN). */
  columns: (dids: Did[]) => AsyncIterable<BulkMetaDto>;
  /** Dataset replicas of ≤ 1 000 datasets (`POST /replicas/datasets_bulk`). */
  replicas: (dids: Did[]) => AsyncIterable<DatasetReplicaDto>;
}

export interface CountOptions {
  /** Batch sizes in order, the last repeating: the first is small so the first rows come fast. */
  sizes: readonly number[];
  /** Batches at Rucio at once. */
  inFlight: number;
}
export const COUNT_BATCHES: CountOptions = { sizes: [100, 1000], inFlight: 3 };

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
/** The larger of two counts, either of which Rucio may leave null. */
const max = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined ? (b ?? null) : Math.max(a, b ?? a);

/**
 * One batch's collections counted with one call of each kind, never one per row. Rucio's DID
 * record holds `length`/`bytes` once a collection is closed; an open dataset's count comes from
 * its dataset replicas (the largest any RSE reports, as Rucio's daemon last computed it). Counts
 * only decorate a listing: when Rucio refuses them, the rows go out without (null).
 */
export async function countBatch(batch: DidContentDto[], ports: CountPorts): Promise<ContentRow[]> {
  const collections = batch.filter((r) => r.type === 'DATASET' || r.type === 'CONTAINER');
  if (collections.length === 0) return batch;
  const datasets = collections.filter((r) => r.type === 'DATASET');
  const [columns, replicas] = await Promise.all([
    collect(ports.columns(collections)).catch(() => []),
    datasets.length > 0 ? collect(ports.replicas(datasets)).catch(() => []) : [],
  ]);
  const known = new Map<string, { length: number | null; bytes: number | null }>();
  for (const r of replicas) {
    const seen = known.get(key(r));
    known.set(key(r), { length: max(seen?.length, r.length), bytes: max(seen?.bytes, r.bytes) });
  }
  for (const c of columns) {
    const length = num(c.length);
    if (length !== null) known.set(key(c), { length, bytes: num(c.bytes) });
  }
  return batch.map((r) => {
    if (r.type !== 'DATASET' && r.type !== 'CONTAINER') return r;
    const k = known.get(key(r));
    return { ...r, length: k?.length ?? null, bytes: r.bytes ?? k?.bytes ?? null };
  });
}

/**
 * The rows with their counts, in Rucio's order. Batches are counted while later rows are still
 * read, up to `inFlight` at once; a batch goes out as soon as it and those before it are counted.
 */
export async function* withCounts(
  rows: AsyncIterable<DidContentDto>,
  ports: CountPorts,
  options: CountOptions = COUNT_BATCHES,
): AsyncGenerator<ContentRow> {
  const queue: { rows: Promise<ContentRow[]>; ready: boolean }[] = [];
  const send = (batch: DidContentDto[]): void => {
    const entry = { rows: countBatch(batch, ports), ready: false };
    void entry.rows.then(
      () => (entry.ready = true),
      () => (entry.ready = true), // the failure is thrown where the batch is read
    );
    queue.push(entry);
  };
  let batch: DidContentDto[] = [];
  let sent = 0;
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= (options.sizes[Math.min(sent, options.sizes.length - 1)] ?? 1000)) {
      send(batch);
      batch = [];
      sent += 1;
    }
    while (queue[0] && (queue[0].ready || queue.length >= options.inFlight))
      yield* await (queue.shift() as (typeof queue)[number]).rows;
  }
  if (batch.length > 0) send(batch);
  for (const entry of queue.splice(0)) yield* await entry.rows;
}

/** The iteration again from its first result, which was already read. */
function replay<T>(first: IteratorResult<T>, it: AsyncIterator<T>): AsyncIterable<T> {
  let pending: IteratorResult<T> | undefined = first;
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        const result = pending;
        pending = undefined;
        return result ? Promise.resolve(result) : it.next();
      },
      return: async (value?: unknown) => {
        await it.return?.(value);
        return { done: true, value: undefined };
      },
    }),
  };
}

/**
 * A collection's content with its children's counts. The first row is awaited here, so errors
 * Rucio reports up front (unknown DID, refused token) surface before anything is sent. A dataset's
 * content (files: Rucio attaches no file to a container) passes through untouched, so a listing of
 * 100 000 files costs nothing more.
 */
export async function contentWithCounts(
  source: AsyncIterable<DidContentDto>,
  ports: CountPorts,
  options: CountOptions = COUNT_BATCHES,
): Promise<AsyncIterable<ContentRow>> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  const rows = replay(first, it);
  return first.done || first.value.type === 'FILE' ? rows : withCounts(rows, ports, options);
}
