/**
 * The offline basemap: Natural Earth's 1:110m countries (world-atlas, public domain), projected
 * once per projection with d3-geo. Part of the map's lazy chunk, never of a page's first load.
 * Natural Earth without a tile server; Web Mercator under raster tiles (XYZ tiles are Mercator),
 * where it stays drawn beneath them for any tile that does not load.
 */
import { geoMercator, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';

export const WIDTH = 960;
export const HEIGHT = 500;

type World = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
const world = countries as unknown as World;

export interface Basemap {
  projection: GeoProjection;
  /** Every country as one path (fill). */
  land: string;
  /** Borders between countries (stroke). */
  borders: string;
  /** The globe's outline. */
  sphere: string;
}

export type ProjectionKind = 'natural-earth' | 'mercator';

/**
 * Mercator: the world's width fills the frame, centred on the equator, so the frame shows about
 * 68° south to 68° north (the pan limits keep it there; no RSE lies beyond).
 */
const projections: Record<ProjectionKind, () => GeoProjection> = {
  'natural-earth': () => geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' }),
  mercator: () =>
    geoMercator()
      .scale(WIDTH / (2 * Math.PI))
      .translate([WIDTH / 2, HEIGHT / 2]),
};

const built = new Map<ProjectionKind, Basemap>();

export function basemap(kind: ProjectionKind = 'natural-earth'): Basemap {
  const cached = built.get(kind);
  if (cached) return cached;
  const land = feature(world, world.objects.countries) as FeatureCollection;
  const projection = projections[kind]();
  const path = geoPath(projection);
  const borders = mesh(world, world.objects.countries, (a, b) => a !== b);
  const map: Basemap = {
    projection,
    land: path(land) ?? '',
    borders: path(borders) ?? '',
    sphere: path({ type: 'Sphere' }) ?? '',
  };
  built.set(kind, map);
  return map;
}

/** A great-circle arc between two places, as an SVG path in the basemap's frame. */
export function arcPath(
  projection: GeoProjection,
  from: [number, number],
  to: [number, number],
): string {
  return geoPath(projection)({ type: 'LineString', coordinates: [from, to] }) ?? '';
}
