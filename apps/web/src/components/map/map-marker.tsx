import type { GeoProjection } from 'd3-geo';
import type { KeyboardEvent } from 'react';
import { markerRadius, type PlacedMarker } from './map-model.ts';
import classes from './world-map.module.css';

/** A marker: a circle for disk, a diamond for tape; a button that selects its RSE. */
export function MapMarker(props: {
  marker: PlacedMarker;
  projection: GeoProjection;
  k: number;
  selected: boolean;
  onSelect?: (id: string) => void;
}) {
  const { marker, projection, k, selected, onSelect } = props;
  const point = projection([marker.longitude, marker.latitude]);
  if (!point) return null;
  const r = markerRadius(marker.weight) / k;
  const className = `${classes.marker} ${classes[marker.tone]} ${selected ? classes.selected : ''}`;
  const activate = () => onSelect?.(marker.id);
  const common = {
    className,
    role: 'button',
    tabIndex: 0,
    'aria-label': marker.label,
    'aria-pressed': selected,
    'data-rse': marker.id,
    onClick: activate,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      e.stopPropagation();
      activate();
    },
  };
  const [x, y] = point;
  return marker.kind === 'TAPE' ? (
    <rect
      {...common}
      x={x - r}
      y={y - r}
      width={2 * r}
      height={2 * r}
      transform={`rotate(45 ${x} ${y})`}
    >
      <title>{marker.label}</title>
    </rect>
  ) : (
    <circle {...common} cx={x} cy={y} r={r}>
      <title>{marker.label}</title>
    </circle>
  );
}
