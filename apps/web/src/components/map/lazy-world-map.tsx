import { Group, Skeleton, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { MapMarker, MarkerTone } from './map-model.ts';
import type { WorldMapProps } from './world-map.tsx';
import classes from './world-map.module.css';

/**
 * The map's code (basemap, tile layer) loads only when a map is shown; it then asks for the
 * deployment's tile server (GET /api/settings) behind a placeholder like this one.
 */
const WorldMap = lazy(() => import('./world-map.tsx'));

export function LazyWorldMap(props: WorldMapProps) {
  return (
    <Suspense
      fallback={<Skeleton h={320} radius="md" role="status" aria-label="Loading the map" />}
    >
      <WorldMap {...props} />
    </Suspense>
  );
}

const TONES: Record<MarkerTone, string> = {
  complete: 'complete',
  partial: 'partial',
  missing: 'none available',
  site: 'site',
};

/** What the markers mean: colour by completeness, shape by storage type, size by bytes. */
export function MapLegend({ tones, sized }: { tones: readonly MarkerTone[]; sized: boolean }) {
  return (
    <Group gap="md" aria-label="Map legend" role="list">
      {tones.map((tone) => (
        <Group key={tone} gap={4} role="listitem">
          <svg width="14" height="14" aria-hidden>
            <circle className={`${classes.marker} ${classes[tone]}`} cx="7" cy="7" r="6" />
          </svg>
          <Text size="xs">{TONES[tone]}</Text>
        </Group>
      ))}
      <Group gap={4} role="listitem">
        <svg width="14" height="14" aria-hidden>
          <circle className={`${classes.marker} ${classes.site}`} cx="7" cy="7" r="6" />
        </svg>
        <Text size="xs">disk</Text>
        <svg width="14" height="14" aria-hidden>
          <rect
            className={`${classes.marker} ${classes.site}`}
            x="3"
            y="3"
            width="8"
            height="8"
            transform="rotate(45 7 7)"
          />
        </svg>
        <Text size="xs">tape</Text>
      </Group>
      {sized && (
        <Text size="xs" c="dimmed" role="listitem">
          Area ∝ bytes
        </Text>
      )}
    </Group>
  );
}

/** RSEs without usable coordinates in Rucio (none, or malformed): listed, never drawn at 0°, 0°. */
export function UnplacedMarkers({ markers }: { markers: readonly MapMarker[] }) {
  if (markers.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500} id="unplaced-rses">
        Not on the map (Rucio has no usable coordinates for them)
      </Text>
      <ul aria-labelledby="unplaced-rses" style={{ margin: 0 }}>
        {markers.map((m) => (
          <li key={m.id}>
            <Text size="sm">{m.label}</Text>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
