import { ActionIcon, Skeleton, Stack } from '@mantine/core';
import { IconMinus, IconPlus, IconZoomReset } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { arcPath, basemap, HEIGHT, WIDTH } from './basemap.ts';
import { MapMarker } from './map-marker.tsx';
import {
  HOME,
  panBy,
  splitPlaced,
  zoomAt,
  type MapMarker as Marker,
  type View,
} from './map-model.ts';
import { TileAttribution, TileLayer, type MapTiles } from './tile-layer.tsx';
import { useMapTiles } from './use-map-tiles.ts';
import classes from './world-map.module.css';

export interface MapArc {
  id: string;
  from: [longitude: number, latitude: number];
  to: [longitude: number, latitude: number];
  label: string;
}

export interface WorldMapProps {
  /** What the map shows, for screen readers (the table beside it has the details). */
  label: string;
  markers: readonly Marker[];
  arcs?: readonly MapArc[];
  selected?: string | null;
  onSelect?: (id: string) => void;
}

const PAN_STEP = 60;

/**
 * A world map with a marker per placed RSE and optional arcs: the bundled outline (Natural
 * Earth), or raster tiles over a Mercator outline when `tiles` names a tile server. Pan by
 * dragging or with the arrow keys, zoom with the wheel, +/− keys or the buttons; 0 resets.
 */
export function WorldMap({
  label,
  markers,
  arcs = [],
  selected,
  onSelect,
  tiles = null,
}: WorldMapProps & { tiles?: MapTiles | null }) {
  const map = basemap(tiles ? 'mercator' : 'natural-earth');
  // The largest first, so a small marker is never hidden under a big one nearby.
  const placed = useMemo(
    () => splitPlaced(markers).placed.sort((a, b) => b.weight - a.weight),
    [markers],
  );
  const [view, setView] = useState<View>(HOME);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);

  /** Screen pixels → the SVG's own units (it scales with its width). */
  const toFrame = (clientX: number, clientY: number): [number, number] => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0) return [WIDTH / 2, HEIGHT / 2];
    return [
      ((clientX - box.left) * WIDTH) / box.width,
      ((clientY - box.top) * HEIGHT) / box.height,
    ];
  };

  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    // Not React's onWheel: it is passive, and the page must not scroll while the map zooms.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = el.getBoundingClientRect();
      const px = ((e.clientX - box.left) * WIDTH) / (box.width || WIDTH);
      const py = ((e.clientY - box.top) * HEIGHT) / (box.height || HEIGHT);
      setView((v) => zoomAt(v, e.deltaY < 0 ? 1.25 : 0.8, px, py, WIDTH, HEIGHT));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      el.removeEventListener('wheel', onWheel);
    };
  }, []);

  const zoom = (factor: number) => {
    setView((v) => zoomAt(v, factor, WIDTH / 2, HEIGHT / 2, WIDTH, HEIGHT));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const move = moves[e.key];
    if (move) setView((v) => panBy(v, move[0], move[1], WIDTH, HEIGHT));
    else if (e.key === '+' || e.key === '=') zoom(1.5);
    else if (e.key === '-') zoom(1 / 1.5);
    else if (e.key === '0') setView(HOME);
    else return;
    e.preventDefault();
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if ((e.target as Element).getAttribute('role') === 'button') return;
    drag.current = { x: e.clientX, y: e.clientY };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag.current) return;
    const [x0, y0] = toFrame(drag.current.x, drag.current.y);
    const [x1, y1] = toFrame(e.clientX, e.clientY);
    drag.current = { x: e.clientX, y: e.clientY };
    setView((v) => panBy(v, x1 - x0, y1 - y0, WIDTH, HEIGHT));
  };
  const endDrag = () => {
    drag.current = null;
  };

  return (
    // role="application": the map takes its own keys (arrows pan, +/− zoom), which WAI-ARIA
    // allows an application region; jsx-a11y does not count it as interactive.
    /* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */
    <div
      className={classes.frame}
      role="application"
      aria-roledescription="map"
      aria-label={`${label}. Arrow keys pan, plus and minus zoom, 0 resets.`}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <svg
        ref={svg}
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-hidden={placed.length === 0 ? true : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        {/* The outline first: where a tile does not load, it shows through. */}
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`} aria-hidden>
          <path className={classes.sphere} d={map.sphere} />
          <path className={classes.land} d={map.land} />
          <path className={classes.borders} d={map.borders} />
        </g>
        {tiles && (
          <TileLayer
            template={tiles.url}
            projection={map.projection}
            view={view}
            width={WIDTH}
            height={HEIGHT}
          />
        )}
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          {arcs.map((a) => (
            <path
              key={a.id}
              className={classes.arc}
              d={arcPath(map.projection, a.from, a.to)}
              role="img"
              aria-label={a.label}
            >
              <title>{a.label}</title>
            </path>
          ))}
          {placed.map((m) => (
            <MapMarker
              key={m.id}
              marker={m}
              projection={map.projection}
              k={view.k}
              selected={selected === m.id}
              onSelect={onSelect}
            />
          ))}
        </g>
      </svg>
      {tiles && <TileAttribution text={tiles.attribution} />}
      <Stack gap={4} className={classes.controls}>
        <ActionIcon
          variant="default"
          aria-label="Zoom in"
          onClick={() => {
            zoom(1.5);
          }}
        >
          <IconPlus size={16} aria-hidden />
        </ActionIcon>
        <ActionIcon
          variant="default"
          aria-label="Zoom out"
          onClick={() => {
            zoom(1 / 1.5);
          }}
        >
          <IconMinus size={16} aria-hidden />
        </ActionIcon>
        <ActionIcon
          variant="default"
          aria-label="Reset the view"
          onClick={() => {
            setView(HOME);
          }}
        >
          <IconZoomReset size={16} aria-hidden />
        </ActionIcon>
      </Stack>
    </div>
  );
}

/** The lazily loaded map: tiles when the deployment names a tile server, else the outline. */
export default function ConfiguredWorldMap(props: WorldMapProps) {
  const tiles = useMapTiles();
  // Not drawn before the settings are known: a switch of projection would make the map jump.
  // The same placeholder as while the code loads (lazy-world-map.tsx).
  if (tiles === undefined)
    return <Skeleton h={320} radius="md" role="status" aria-label="Loading the map" />;
  return <WorldMap {...props} tiles={tiles} />;
}
