/**
 * What a map shows, independent of how it is drawn: markers at RSEs (placed or not), their tone
 * and size, and the view's pan/zoom arithmetic. Pure, so it is tested without a DOM.
 */

/** Completeness of what the marker stands for: every file there, some, none; or just a site. */
export type MarkerTone = 'complete' | 'partial' | 'missing' | 'site';

export interface MapMarker {
  /** The RSE name: unique on a map. */
  id: string;
  latitude: number | null;
  longitude: number | null;
  kind: 'DISK' | 'TAPE';
  tone: MarkerTone;
  /** 0…1 of the largest marker on the map (by bytes); markers are sized by area. */
  weight: number;
  /** One line, read by screen readers and shown as the tooltip. */
  label: string;
}

export interface PlacedMarker extends MapMarker {
  latitude: number;
  longitude: number;
}

/** Markers with both coordinates; the others are listed apart, never drawn at 0°, 0°. */
export function splitPlaced(markers: readonly MapMarker[]): {
  placed: PlacedMarker[];
  unplaced: MapMarker[];
} {
  const placed: PlacedMarker[] = [];
  const unplaced: MapMarker[] = [];
  for (const m of markers)
    if (m.latitude === null || m.longitude === null) unplaced.push(m);
    else placed.push(m as PlacedMarker);
  return { placed, unplaced };
}

/** Files available of the total → the marker's tone. */
export function toneOf(available: number, total: number): MarkerTone {
  if (total <= 0 || available <= 0) return 'missing';
  return available >= total ? 'complete' : 'partial';
}

/** Each value's share of the largest, for sizing by area; all equal when none is known. */
export function weights(values: readonly (number | null)[]): number[] {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values.map((v) => (max > 0 ? (v ?? 0) / max : 1));
}

/** Marker radius in screen pixels: area proportional to weight, never too small to hit. */
export const markerRadius = (weight: number): number => 6 + 10 * Math.sqrt(Math.max(0, weight));

export interface View {
  /** Scale, 1 = the whole world fits. */
  k: number;
  x: number;
  y: number;
}

export const HOME: View = { k: 1, x: 0, y: 0 };
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 12;

/** Keeps the scaled world covering the frame: no panning off into emptiness. */
export function clampView(v: View, width: number, height: number): View {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k));
  const clamp = (value: number, size: number) => Math.min(0, Math.max(size - size * k, value));
  return { k, x: clamp(v.x, width), y: clamp(v.y, height) };
}

/** Zoom by `factor` keeping the frame point (px, py) where it is. */
export function zoomAt(
  v: View,
  factor: number,
  px: number,
  py: number,
  w: number,
  h: number,
): View {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
  const ratio = k / v.k;
  return clampView({ k, x: px - (px - v.x) * ratio, y: py - (py - v.y) * ratio }, w, h);
}

export const panBy = (v: View, dx: number, dy: number, w: number, h: number): View =>
  clampView({ k: v.k, x: v.x + dx, y: v.y + dy }, w, h);
