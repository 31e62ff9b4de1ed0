/**
 * The offline basemap: Natural Earth's 1:110m countries (world-atlas, public domain), projected
 * once with d3-geo. Part of the map's lazy chunk, never of a page's first load; no tile server.
 */
import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
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

let built: Basemap | undefined;

export function basemap(): Basemap {
  if (built) return built;
  const land = feature(world, world.objects.countries) as FeatureCollection;
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const borders = mesh(world, world.objects.countries, (a, b) => a !== b);
  built = {
    projection,
    land: path(land) ?? '',
    borders: path(borders) ?? '',
    sphere: path({ type: 'Sphere' }) ?? '',
  };
  return built;
}

/** A great-circle arc between two places, as an SVG path in the basemap's frame. */
export function arcPath(from: [number, number], to: [number, number]): string {
  const path = geoPath(basemap().projection);
  return path({ type: 'LineString', coordinates: [from, to] }) ?? '';
}
