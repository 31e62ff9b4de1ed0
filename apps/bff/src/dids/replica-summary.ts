import type { ReplicaSummary } from '@bdms/contract';
import type { DatasetReplicaDto, FileReplicaDto } from '@bdms/rucio-client';

type RseRow = ReplicaSummary['rses'][number];

const byRse = (a: RseRow, b: RseRow): number => (a.rse < b.rse ? -1 : a.rse > b.rse ? 1 : 0);

const fromDatasetRow = (r: DatasetReplicaDto): RseRow => ({
  rse: r.rse,
  state: r.state,
  availableFiles: r.available_length ?? 0,
  totalFiles: r.length ?? 0,
  availableBytes: r.available_bytes ?? null,
  totalBytes: r.bytes ?? null,
});

/**
 * A dataset per RSE, from Rucio's two views of it (measured on Rucio 41): `deep` counts the file
 * replicas now but lists only RSEs holding some; the collection-replica table also lists RSEs a
 * rule is still filling, but its counts wait for a daemon. Deep wins where both speak.
 */
export function datasetSummary(
  deep: readonly DatasetReplicaDto[],
  table: readonly DatasetReplicaDto[],
): ReplicaSummary {
  const rows = new Map<string, RseRow>();
  for (const r of table) rows.set(r.rse, fromDatasetRow(r));
  for (const r of deep) rows.set(r.rse, fromDatasetRow(r));
  return { source: 'dataset_replicas', rses: [...rows.values()].sort(byRse) };
}

/** A file per RSE: one replica each, available or not (COPYING while a rule fills it). */
export function fileSummary(replicas: readonly FileReplicaDto[]): ReplicaSummary {
  const rows: RseRow[] = [];
  for (const f of replicas) {
    const states = f.states ?? {};
    for (const rse of new Set([...Object.keys(f.rses), ...Object.keys(states)])) {
      const state = states[rse] ?? 'AVAILABLE';
      const available = state === 'AVAILABLE';
      rows.push({
        rse,
        state,
        availableFiles: available ? 1 : 0,
        totalFiles: 1,
        availableBytes: available ? (f.bytes ?? null) : 0,
        totalBytes: f.bytes ?? null,
      });
    }
  }
  return { source: 'file_replicas', rses: rows.sort(byRse) };
}
