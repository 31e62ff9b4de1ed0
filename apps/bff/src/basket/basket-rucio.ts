/**
 * A basket's figures, asked of Rucio in bulk and never one call per file: the DID records 1 000
 * at a time (`POST /dids/bulkmeta`), the files' replicas in one list per 1 000
 * (`POST /replicas/list`), the datasets' replicas from Rucio's table 1 000 at a time
 * (`POST /replicas/datasets_bulk`), each container's datasets through its sub-containers (one
 * listing per container, within the limits container-walk.ts sets), and the RSE types once.
 */
import type {
  BulkMetaDto,
  DatasetReplicaDto,
  DidContentDto,
  FileReplicaDto,
} from '@bdms/rucio-client';
import { collect, inTurn } from '../lib/async-iter.ts';
import { basketKey as didKey, type BasketDidRef as Did, type BasketRecord } from './basket.repo.ts';
import {
  containerFigures,
  datasetFigures,
  fileFigures,
  UNKNOWN,
  type Figures,
  type RseType,
} from './basket-figures.ts';

/** Rucio's cap per bulk call (bulkmeta, replicas/list, datasets_bulk). */
export const BULK = 1000;

/** How much one basket may ask of Rucio for its containers (the DID page's container limits). */
export interface WalkLimits {
  /** Containers listed, at most, over the whole basket. */
  maxContainers: number;
  /** Datasets found below containers, at most, over the whole basket. */
  maxDatasets: number;
  /** Calls at Rucio at once. */
  parallel: number;
}

/**
 * Datasets whose table rows do not put every file on one disk RSE (tape only, partial, none, or
 * no rows yet) are counted again from their file replicas (one `?deep=true` each, at most this
 * many per basket): the table misses copies made by file-level rules, which is what staging
 * makes, so a staged dataset would stay "tape only" there for good; and a new dataset has no row
 * until Rucio's abacus has passed.
 */
export const MAX_DEEP_RECOUNTS = 20;

/**
 * The datasets below some containers, breadth first, one listing per container (app.ts passes
 * the DID page's own walk); `partial` when it stopped at the limits.
 */
export type ContainerWalk = (
  roots: readonly Did[],
  given: readonly Did[],
  list: (did: Did) => AsyncIterable<DidContentDto>,
  limits: WalkLimits,
) => Promise<{ datasets: Did[]; partial: boolean }>;

export interface BasketPorts {
  meta: (dids: Did[]) => AsyncIterable<BulkMetaDto>;
  files: (dids: Did[]) => AsyncIterable<FileReplicaDto>;
  datasets: (dids: Did[]) => AsyncIterable<DatasetReplicaDto>;
  /** One dataset's replicas counted from its file replicas now (`?deep=true`). */
  deep: (did: Did) => AsyncIterable<DatasetReplicaDto>;
  list: (container: Did) => AsyncIterable<DidContentDto>;
  rseTypes: () => Promise<ReadonlyMap<string, RseType>>;
}

/** `call` on ≤ 1 000 DIDs at a time, a few calls at once; every line of every answer. */
export async function inBulk<T>(
  dids: readonly Did[],
  call: (chunk: Did[]) => AsyncIterable<T>,
  parallel: number,
): Promise<T[]> {
  const chunks: Did[][] = [];
  for (let i = 0; i < dids.length; i += BULK) chunks.push(dids.slice(i, i + BULK));
  return (await inTurn(chunks, parallel, (chunk) => collect(call(chunk)))).flat();
}

const byKey = <T extends Did>(rows: readonly T[]): Map<string, T> =>
  new Map(rows.map((r) => [didKey(r), r]));

/**
 * Each container's datasets, the containers' limits shared by the whole basket: a container
 * whose walk would pass them is left unknown (undefined) rather than summed in part.
 */
async function walkContainers(
  containers: readonly Did[],
  list: BasketPorts['list'],
  walk: ContainerWalk,
  limits: WalkLimits,
): Promise<Map<string, Did[] | undefined>> {
  const out = new Map<string, Did[] | undefined>();
  let listed = 0;
  let summed = 0;
  const counted = (c: Did) => {
    listed += 1;
    return list(c);
  };
  for (const c of containers) {
    const left = {
      maxContainers: limits.maxContainers - listed,
      maxDatasets: limits.maxDatasets - summed,
    };
    if (left.maxContainers <= 0 || left.maxDatasets <= 0) {
      out.set(didKey(c), undefined);
      continue;
    }
    const found = await walk([c], [], counted, { ...limits, ...left });
    summed += found.datasets.length;
    out.set(didKey(c), found.partial ? undefined : found.datasets);
  }
  return out;
}

/** Recounts (see MAX_DEEP_RECOUNTS) in `rowsOf`; the keys of the datasets recounted. */
async function recountTapeDatasets(
  datasets: readonly Did[],
  rowsOf: Map<string, DatasetReplicaDto[]>,
  metas: ReadonlyMap<string, BulkMetaDto>,
  types: ReadonlyMap<string, RseType>,
  ports: BasketPorts,
  limits: WalkLimits,
): Promise<Set<string>> {
  const onTape = datasets
    .filter((d) => {
      const where = datasetFigures(metas.get(didKey(d)), rowsOf.get(didKey(d)) ?? [], types).where;
      return where !== 'disk';
    })
    .slice(0, MAX_DEEP_RECOUNTS);
  const counted = await inTurn(onTape, limits.parallel, (d) => collect(ports.deep(d)));
  onTape.forEach((d, i) => rowsOf.set(didKey(d), counted[i] ?? []));
  return new Set(onTape.map(didKey));
}

/** The figures of each record (keyed scope:name); DIDs Rucio no longer knows are UNKNOWN. */
export async function basketFigures(
  records: readonly BasketRecord[],
  ports: BasketPorts,
  walk: ContainerWalk,
  limits: WalkLimits,
): Promise<Map<string, Figures>> {
  const metas = byKey(await inBulk(records, ports.meta, limits.parallel));
  const known = records.filter((r) => metas.has(didKey(r)));
  const ofType = (type: string) =>
    known
      .filter((r) => metas.get(didKey(r))?.did_type === type)
      .map(({ scope, name }) => ({ scope, name }));
  const [files, datasets, containers] = [ofType('FILE'), ofType('DATASET'), ofType('CONTAINER')];
  const walked = await walkContainers(containers, ports.list, walk, limits);
  const below = [...walked.values()].flatMap((ds) => ds ?? []).filter((d) => !metas.has(didKey(d)));
  const allDatasets = [...byKey([...datasets, ...below]).values()];
  const [belowMetas, replicas, table, types] = await Promise.all([
    inBulk([...byKey(below).values()], ports.meta, limits.parallel),
    inBulk(files, ports.files, limits.parallel),
    inBulk(allDatasets, ports.datasets, limits.parallel),
    allDatasets.length + files.length > 0 ? ports.rseTypes() : new Map<string, RseType>(),
  ]);
  for (const m of belowMetas) metas.set(didKey(m), m);
  const fileReplicas = byKey(replicas);
  const rowsOf = new Map<string, DatasetReplicaDto[]>();
  for (const row of table) rowsOf.set(didKey(row), [...(rowsOf.get(didKey(row)) ?? []), row]);
  const exact = await recountTapeDatasets(allDatasets, rowsOf, metas, types, ports, limits);
  const ofDataset = (d: Did) =>
    datasetFigures(metas.get(didKey(d)), rowsOf.get(didKey(d)) ?? [], types, exact.has(didKey(d)));

  const out = new Map<string, Figures>();
  for (const r of records) {
    const key = didKey(r);
    const meta = metas.get(key);
    if (!meta) out.set(key, UNKNOWN);
    else if (meta.did_type === 'FILE')
      out.set(key, fileFigures(meta, fileReplicas.get(key), types));
    else if (meta.did_type === 'DATASET') out.set(key, ofDataset(r));
    else out.set(key, containerFigures(meta, walked.get(key)?.map(ofDataset)));
  }
  return out;
}
