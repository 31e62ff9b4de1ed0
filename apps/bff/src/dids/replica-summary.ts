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
  // A row a rule has just added counts nothing yet (0 of 0): what it will hold is the dataset,
  // whose files and bytes every RSE that has it whole shows.
  const files = Math.max(0, ...[...rows.values()].map((r) => r.totalFiles));
  const bytes = Math.max(0, ...[...rows.values()].map((r) => r.totalBytes ?? 0));
  for (const row of rows.values())
    if (row.totalFiles === 0 && files > 0)
      Object.assign(row, { totalFiles: files, totalBytes: bytes });
  return { source: 'dataset_replicas', rses: [...rows.values()].sort(byRse) };
}

/**
 * Each RSE's place in the order Rucio offers a file's copies (its PFNs' `priority`, 1 first: by
 * distance from the client address the BFF passed), renumbered 1, 2, 3… over the RSEs.
 */
function ranks(f: FileReplicaDto): Map<string, number> {
  const best = new Map<string, number>();
  for (const { rse, priority } of Object.values(f.pfns ?? {}))
    best.set(rse, Math.min(priority, best.get(rse) ?? Infinity));
  const order = [...best].sort((a, b) => a[1] - b[1]).map(([rse]) => rse);
  return new Map(order.map((rse, i) => [rse, i + 1]));
}

/**
 * A file per RSE: one replica each, available or not (COPYING while a rule fills it), with the
 * rank Rucio gives it for this user. Rows stay sorted by RSE name, like every summary.
 */
export function fileSummary(replicas: readonly FileReplicaDto[]): ReplicaSummary {
  const rows: RseRow[] = [];
  for (const f of replicas) {
    const rank = ranks(f);
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
        ...(rank.has(rse) ? { rank: rank.get(rse) } : {}),
      });
    }
  }
  return { source: 'file_replicas', rses: rows.sort(byRse) };
}
