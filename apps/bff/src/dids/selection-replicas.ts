import type { ReplicaSummary, SelectionReplicaSummary } from '@bdms/contract';
import type { BulkMetaDto, FileReplicaDto } from '@bdms/rucio-client';
import { collect } from '../lib/async-iter.ts';
import { summariseDatasets, type ContainerPorts } from './container-replicas.ts';
import { collectDatasets, didKey, type ContainerLimits, type Did } from './container-walk.ts';
import { fileSummary } from './replica-summary.ts';

type RseRow = ReplicaSummary['rses'][number];

export interface SelectionPorts extends ContainerPorts {
  /** The DIDs' types, one bulk call (`POST /dids/bulkmeta`, DID_COLUMN); unknown DIDs are left out. */
  types: (dids: Did[]) => AsyncIterable<BulkMetaDto>;
  /** The files' replicas, one bulk call (`POST /replicas/list`). */
  files: (dids: Did[]) => AsyncIterable<FileReplicaDto>;
}

/** Each RSE once: files, bytes and datasets added up; AVAILABLE only when every part is. */
export function addRows(rows: readonly RseRow[]): RseRow[] {
  const byRse = new Map<string, RseRow>();
  for (const r of rows) {
    const had = byRse.get(r.rse);
    if (!had) {
      byRse.set(r.rse, { ...r, ...(r.datasets ? { datasets: { ...r.datasets } } : {}) });
      continue;
    }
    const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
    const datasets =
      had.datasets || r.datasets
        ? {
            complete: (had.datasets?.complete ?? 0) + (r.datasets?.complete ?? 0),
            total: (had.datasets?.total ?? 0) + (r.datasets?.total ?? 0),
          }
        : undefined;
    byRse.set(r.rse, {
      rse: r.rse,
      state: had.state === 'AVAILABLE' && r.state === 'AVAILABLE' ? 'AVAILABLE' : 'UNAVAILABLE',
      availableFiles: had.availableFiles + r.availableFiles,
      totalFiles: had.totalFiles + r.totalFiles,
      availableBytes: sum(had.availableBytes, r.availableBytes),
      totalBytes: sum(had.totalBytes, r.totalBytes),
      ...(datasets ? { datasets } : {}),
    });
  }
  return [...byRse.values()].sort((a, b) => (a.rse < b.rse ? -1 : a.rse > b.rse ? 1 : 0));
}

/**
 * Where a selection of DIDs lives, per RSE. Rucio is asked in bulk: one call for the types, one
 * for the selected files' replicas, one listing per selected container (and sub-container), and
 * the datasets (selected or found below) as for a container: bulk calls of 1 000 from Rucio's
 * dataset-replica table, counted now one call each when there are few. Never one call per file.
 */
export async function summariseSelection(
  selected: readonly Did[],
  ports: SelectionPorts,
  limits: ContainerLimits,
): Promise<SelectionReplicaSummary> {
  const unique = [...new Map(selected.map((d) => [didKey(d), d])).values()];
  const types = new Map<string, unknown>();
  for await (const m of ports.types(unique)) types.set(didKey(m), m.did_type);
  const of = (type: string) => unique.filter((d) => types.get(didKey(d)) === type);
  const [files, datasets, containers] = [of('FILE'), of('DATASET'), of('CONTAINER')];
  const found = await collectDatasets(containers, datasets, ports.list, limits);
  const [fileRows, datasetRows] = await Promise.all([
    files.length > 0 ? collect(ports.files(files)).then((r) => fileSummary(r).rses) : [],
    found.datasets.length > 0
      ? summariseDatasets(
          found.datasets,
          { datasets: found.datasets.length, partial: found.partial },
          ports,
          limits,
        ).then((s) => s.rses)
      : [],
  ]);
  return {
    source: 'selection',
    rses: addRows([...datasetRows, ...fileRows]),
    selection: {
      files: files.length,
      datasets: datasets.length,
      containers: containers.length,
      datasetsSummed: found.datasets.length,
      partial: found.partial,
      unknown: unique.filter((d) => !types.has(didKey(d))).map(didKey),
    },
  };
}
