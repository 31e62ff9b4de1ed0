import type { ApiResponse } from '@bdms/contract';
import { toneOf, weights, type MapMarker } from '@/components/map/map-model.ts';
import { formatBytes, formatCount } from '@/lib/format.ts';

type Summary = ApiResponse<'didReplicaSummary'>;
type Site = ApiResponse<'rses'>['rses'][number];
type Locks = ApiResponse<'didLocks'>['rses'][number];

/** One RSE holding (or due to hold) the DID: its replicas, its place, its rule locks. */
export interface ReplicaPlace {
  row: Summary['rses'][number];
  site: Site | undefined;
  locks: Locks | undefined;
}

export function replicaPlaces(
  summary: Summary,
  sites: readonly Site[],
  locks: readonly Locks[] | undefined,
): ReplicaPlace[] {
  const siteOf = new Map(sites.map((s) => [s.rse, s]));
  const lockOf = new Map((locks ?? []).map((l) => [l.rse, l]));
  return summary.rses.map((row) => ({
    row,
    site: siteOf.get(row.rse),
    locks: lockOf.get(row.rse),
  }));
}

export const where = (site: Site | undefined): string =>
  [site?.city, site?.country].filter(Boolean).join(', ') || 'place unknown';

export function describeLocks(l: Locks | undefined): string {
  if (!l) return 'no rule lock';
  const parts = [
    l.ok && `${formatCount(l.ok)} OK`,
    l.replicating && `${formatCount(l.replicating)} replicating`,
    l.stuck && `${formatCount(l.stuck)} stuck`,
  ].filter(Boolean);
  return parts.length ? `locks: ${parts.join(', ')}` : 'no rule lock';
}

/** The markers of a replica map: colour by files available, size by bytes, shape by type. */
export function replicaMarkers(places: readonly ReplicaPlace[]): MapMarker[] {
  const sizes = weights(places.map((p) => p.row.totalBytes));
  return places.map(({ row, site, locks }, i) => {
    const type = site?.type ?? 'DISK';
    return {
      id: row.rse,
      latitude: site?.latitude ?? null,
      longitude: site?.longitude ?? null,
      kind: type,
      tone: toneOf(row.availableFiles, row.totalFiles),
      weight: sizes[i] ?? 0,
      label: `${row.rse} (${type.toLowerCase()}, ${where(site)}): ${row.state}, ${formatCount(row.availableFiles)} of ${formatCount(row.totalFiles)} files, ${formatBytes(row.availableBytes)} of ${formatBytes(row.totalBytes)}; ${describeLocks(locks)}`,
    };
  });
}
