/**
 * Raster tiles under the markers, when the deployment names a tile server (MAP_TILE_URL). The
 * tiles follow the view: they are picked for its zoom (d3-tile) and placed in the frame's units,
 * so they line up with the Mercator basemap and markers drawn inside the view's transform.
 */
import type { GeoProjection } from 'd3-geo';
import { tile } from 'd3-tile';
import { Text } from '@mantine/core';
import { useState, type CSSProperties } from 'react';
import type { View } from './map-model.ts';

/** The deployment's tile server: an XYZ template and the credit its terms ask for. */
export interface MapTiles {
  url: string;
  attribution: string;
}

export interface PlacedTile {
  key: string;
  href: string;
  x: number;
  y: number;
  size: number;
}

export const tileHref = (template: string, x: number, y: number, z: number): string =>
  template.replaceAll('{z}', String(z)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y));

/**
 * The tiles covering a width × height frame seen through `view`, for a Mercator projection of
 * the world (the tile pyramid's): the view scales and moves the projection, d3-tile picks the
 * zoom level and the tiles in sight.
 */
export function visibleTiles(
  template: string,
  projection: GeoProjection,
  view: View,
  width: number,
  height: number,
): PlacedTile[] {
  const [tx, ty] = projection.translate();
  const tiles = tile()
    .size([width, height])
    .scale(projection.scale() * 2 * Math.PI * view.k)
    .translate([tx * view.k + view.x, ty * view.k + view.y])();
  const [dx, dy] = tiles.translate;
  const k = tiles.scale;
  return tiles.map(([x, y, z]) => ({
    key: `${z}/${x}/${y}`,
    href: tileHref(template, x, y, z),
    x: (x + dx) * k,
    y: (y + dy) * k,
    size: k,
  }));
}

/**
 * The tiles as SVG images. One that fails to load is dropped, so the outline drawn beneath
 * shows through instead of a hole.
 */
export function TileLayer(props: {
  template: string;
  projection: GeoProjection;
  view: View;
  width: number;
  height: number;
}) {
  const [failed, setFailed] = useState<ReadonlySet<string>>(() => new Set());
  const tiles = visibleTiles(
    props.template,
    props.projection,
    props.view,
    props.width,
    props.height,
  );
  return (
    <g aria-hidden pointerEvents="none">
      {tiles
        .filter((t) => !failed.has(t.href))
        .map((t) => (
          <image
            key={t.key}
            href={t.href}
            x={t.x}
            y={t.y}
            // A hair wider than the tile: no seam where anti-aliased edges meet.
            width={t.size + 0.5}
            height={t.size + 0.5}
            onError={() => {
              setFailed((s) => new Set(s).add(t.href));
            }}
          />
        ))}
    </g>
  );
}

/**
 * The tile server's credit, as its terms usually ask: small, in the corner of the map's frame,
 * readable on any tile; nothing when it has none. Styled inline (CSP allows inline styles):
 * a class would add its name to the CSS module that every page with a map loads first.
 */
const CREDIT: CSSProperties = {
  position: 'absolute',
  right: 0,
  bottom: 0,
  maxWidth: '100%',
  padding: '1px 6px',
  borderTopLeftRadius: 'var(--mantine-radius-sm)',
  background: 'light-dark(rgb(255 255 255 / 80%), rgb(0 0 0 / 65%))',
  pointerEvents: 'none',
};

export function TileAttribution({ text }: { text: string }) {
  return text ? (
    <Text size="xs" style={CREDIT}>
      {text}
    </Text>
  ) : null;
}
