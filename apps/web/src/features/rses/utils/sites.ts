import type { ApiResponse } from '@bdms/contract';
import type { MapMarker } from '@/components/map/map-model.ts';

export type Site = ApiResponse<'rses'>['rses'][number];

const degrees = (value: number, positive: string, negative: string): string =>
  `${Math.abs(value).toFixed(2)}° ${value >= 0 ? positive : negative}`;

/** 28.76° N, 17.89° W; "unknown" without coordinates. */
export function formatCoordinates(s: Pick<Site, 'latitude' | 'longitude'>): string {
  if (s.latitude === null || s.longitude === null) return 'unknown';
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
    label: `${s.rse} (${s.type.toLowerCase()}, ${[s.city, s.country].filter(Boolean).join(', ') || 'place unknown'})`,
  }));
