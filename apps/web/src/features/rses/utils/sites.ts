import type { ApiResponse } from '@bdms/contract';
import type { MapMarker } from '@/components/map/map-model.ts';
import type { MapArc } from '@/components/map/world-map.tsx';
import { formatBytes, plural } from '@/lib/format.ts';

export type Site = ApiResponse<'rses'>['rses'][number];

const degrees = (value: number, positive: string, negative: string): string =>
  `${Math.abs(value).toFixed(2)}° ${value >= 0 ? positive : negative}`;

/** 28.76° N, 17.89° W; "unknown" without coordinates, or why Rucio's cannot be used. */
export function formatCoordinates(
  s: Pick<Site, 'latitude' | 'longitude'> & Partial<Pick<Site, 'coordinatesProblem'>>,
): string {
  if (s.latitude === null || s.longitude === null) return s.coordinatesProblem ?? 'unknown';
  return `${degrees(s.latitude, 'N', 'S')}, ${degrees(s.longitude, 'E', 'W')}`;
}

/** Every RSE as a marker of the same size: a site, disk or tape. */
export const siteMarkers = (sites: readonly Site[]): MapMarker[] =>
  sites.map((s) => ({
    id: s.rse,
    latitude: s.latitude,
    longitude: s.longitude,
    kind: s.type,
    tone: 'site',
    weight: 0.3,
    label: `${s.rse} (${s.type.toLowerCase()}, ${[s.city, s.country].filter(Boolean).join(', ') || 'place unknown'})${s.coordinatesProblem ? `: ${s.coordinatesProblem}` : ''}`,
  }));

/** Transfers between two RSEs, as an arc on the sites map. */
export interface Flow {
  source: string;
  destination: string;
  files: number;
  bytes: number;
}

/** An arc per flow whose two RSEs are both placed; the others are only in the table. */
export function flowArcs(flows: readonly Flow[], sites: readonly Site[]): MapArc[] {
  const at = new Map(sites.map((s) => [s.rse, s]));
  const arcs: MapArc[] = [];
  for (const f of flows) {
    const [a, b] = [at.get(f.source), at.get(f.destination)];
    if (a?.latitude == null || a.longitude == null || b?.latitude == null || b.longitude == null)
      continue;
    arcs.push({
      id: `${f.source}>${f.destination}`,
      from: [a.longitude, a.latitude],
      to: [b.longitude, b.latitude],
      label: `${plural(f.files, 'transfer')} from ${f.source} to ${f.destination}, ${formatBytes(f.bytes)}`,
    });
  }
  return arcs;
}
