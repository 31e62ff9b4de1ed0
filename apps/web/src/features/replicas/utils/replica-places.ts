import type { ApiResponse } from '@bdms/contract';
import { toneOf, weights, type MapMarker } from '@/components/map/map-model.ts';
import { formatBytes, formatCount } from '@/lib/format.ts';

type Summary = ApiResponse<'didReplicaSummary'>;
type Site = ApiResponse<'rses'>['rses'][number];
type Locks = ApiResponse<'didLocks'>['rses'][number];

/** File replicas on one RSE by Rucio's replica state (AVAILABLE, COPYING, BAD…). */
export type StateCounts = Record<string, number>;

/** One RSE holding (or due to hold) the DID: its replicas, its place, its rule locks. */
export interface ReplicaPlace {
  row: Summary['rses'][number];
  site: Site | undefined;
  locks: Locks | undefined;
  /** Undefined until counted (or when not asked for). */
  states?: StateCounts | undefined;
}

export function replicaPlaces(
  summary: Pick<Summary, 'rses'>,
  sites: readonly Site[],
  locks: readonly Locks[] | undefined,
  states?: readonly { rse: string; states: StateCounts }[],
): ReplicaPlace[] {
  const siteOf = new Map(sites.map((s) => [s.rse, s]));
  const lockOf = new Map((locks ?? []).map((l) => [l.rse, l]));
  const stateOf = new Map((states ?? []).map((s) => [s.rse, s.states]));
  return summary.rses.map((row) => ({
    row,
    site: siteOf.get(row.rse),
    locks: lockOf.get(row.rse),
    states: states ? (stateOf.get(row.rse) ?? {}) : undefined,
  }));
}

/** Rucio's replica states in the order people care about, then any other it may add. */
const STATE_ORDER = [
  'AVAILABLE',
  'COPYING',
  'UNAVAILABLE',
  'TEMPORARY_UNAVAILABLE',
  'BAD',
  'BEING_DELETED',
];

/** "6 available, 2 copying, 1 bad", or undefined before counting. */
export function describeStates(states: StateCounts | undefined): string | undefined {
  if (!states) return undefined;
  const order = (k: string) => (STATE_ORDER.includes(k) ? STATE_ORDER.indexOf(k) : 99);
  const parts = Object.entries(states)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([state, n]) => `${formatCount(n)} ${state.toLowerCase().replaceAll('_', ' ')}`);
  return parts.length ? parts.join(', ') : 'no file replica';
}

export const where = (site: Site | undefined): string =>
  [
    [site?.city, site?.country].filter(Boolean).join(', ') || 'place unknown',
    site?.coordinatesProblem,
  ]
    .filter(Boolean)
    .join('; ');

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
  return places.map(({ row, site, locks, states }, i) => {
    const type = site?.type ?? 'DISK';
    const counted = describeStates(states);
    return {
      id: row.rse,
      latitude: site?.latitude ?? null,
      longitude: site?.longitude ?? null,
      kind: type,
      tone: toneOf(row.availableFiles, row.totalFiles),
      weight: sizes[i] ?? 0,
      label: `${row.rse} (${type.toLowerCase()}, ${where(site)}): ${row.state}, ${formatCount(row.availableFiles)} of ${formatCount(row.totalFiles)} files, ${formatBytes(row.availableBytes)} of ${formatBytes(row.totalBytes)}; ${describeLocks(locks)}${counted ? `; file replicas: ${counted}` : ''}`,
    };
  });
}
