import type { ReplicaSummary } from '@bdms/contract';
import { DATASET_REPLICAS_BULK_MAX, type DatasetReplicaDto } from '@bdms/rucio-client';
import { containerDatasets, didKey, type ContainerLimits, type Did } from './container-walk.ts';
import { collect, inTurn } from '../lib/async-iter.ts';

type RseRow = ReplicaSummary['rses'][number];

export interface ContainerPorts {
  /** The direct content of one container (Rucio's `/dids/<scope>/<name>/dids`). */
  list: Parameters<typeof containerDatasets>[1];
  /** Dataset replicas of up to 1 000 datasets from Rucio's table (`POST /replicas/datasets_bulk`). */
  bulk: (dids: Did[]) => AsyncIterable<DatasetReplicaDto>;
  /** One dataset's replicas counted now (`GET /replicas/<scope>/<name>/datasets?deep=true`). */
  deep: (did: Did) => AsyncIterable<DatasetReplicaDto>;
}

/** Rucio's dataset-replica table for these datasets, ≤ 1 000 per call, a few calls at once. */
export async function bulkReplicas(
  datasets: readonly Did[],
  bulk: ContainerPorts['bulk'],
  parallel: number,
): Promise<DatasetReplicaDto[]> {
  const chunks: Did[][] = [];
  for (let i = 0; i < datasets.length; i += DATASET_REPLICAS_BULK_MAX)
    chunks.push(datasets.slice(i, i + DATASET_REPLICAS_BULK_MAX));
  return (await inTurn(chunks, parallel, (chunk) => collect(bulk(chunk)))).flat();
}

/**
 * Per dataset and RSE, what is counted now wins over Rucio's table, which lags behind (its daemon)
 * but also lists RSEs a rule is still filling, as for one dataset's own summary.
 */
function mergeViews(table: readonly DatasetReplicaDto[], deep: readonly DatasetReplicaDto[]) {
  const rows = new Map<string, DatasetReplicaDto>();
  for (const r of [...table, ...deep]) rows.set(`${didKey(r)} ${r.rse}`, r);
  return [...rows.values()];
}

/**
 * Per RSE, the sum over the container's datasets that Rucio has there: files available / total and
 * bytes, and how many of those datasets are complete. The state is AVAILABLE only when all are.
 */
export function containerSummary(
  source: 'container_deep' | 'container_table',
  rows: readonly DatasetReplicaDto[],
  container: { datasets: number; partial: boolean },
): ReplicaSummary {
  const byRse = new Map<string, RseRow & { datasets: { complete: number; total: number } }>();
  for (const r of rows) {
    const row = byRse.get(r.rse) ?? {
      rse: r.rse,
      state: 'AVAILABLE',
      availableFiles: 0,
      totalFiles: 0,
      availableBytes: 0,
      totalBytes: 0,
      datasets: { complete: 0, total: 0 },
    };
    row.availableFiles += r.available_length ?? 0;
    row.totalFiles += r.length ?? 0;
    row.availableBytes = (row.availableBytes ?? 0) + (r.available_bytes ?? 0);
    row.totalBytes = (row.totalBytes ?? 0) + (r.bytes ?? 0);
    row.datasets.total += 1;
    if (r.state === 'AVAILABLE') row.datasets.complete += 1;
    else row.state = 'UNAVAILABLE';
    byRse.set(r.rse, row);
  }
  const rses = [...byRse.values()].sort((a, b) => (a.rse < b.rse ? -1 : a.rse > b.rse ? 1 : 0));
  return { source, rses, container };
}

/**
 * Datasets' replicas per RSE, summed: from Rucio's dataset-replica table in bulk calls, and for
 * up to `deepMax` datasets also counted now, one call per dataset (never one per file).
 */
export async function summariseDatasets(
  datasets: readonly Did[],
  container: { datasets: number; partial: boolean },
  ports: Pick<ContainerPorts, 'bulk' | 'deep'>,
  limits: ContainerLimits,
): Promise<ReplicaSummary> {
  const deep = datasets.length <= limits.deepMax;
  const [table, now] = await Promise.all([
    bulkReplicas(datasets, ports.bulk, limits.parallel),
    deep ? inTurn(datasets, limits.parallel, (d) => collect(ports.deep(d))) : [],
  ]);
  return deep
    ? containerSummary('container_deep', mergeViews(table, now.flat()), container)
    : containerSummary('container_table', table, container);
}

/** A container's replicas per RSE, summed over its datasets (found through its sub-containers). */
export async function summariseContainer(
  root: Did,
  ports: ContainerPorts,
  limits: ContainerLimits,
): Promise<ReplicaSummary> {
  const { datasets, partial } = await containerDatasets(root, ports.list, limits);
  return summariseDatasets(datasets, { datasets: datasets.length, partial }, ports, limits);
}
