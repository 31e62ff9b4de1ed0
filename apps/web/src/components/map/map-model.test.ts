import { describe, expect, it } from 'vitest';
import {
  clampView,
  HOME,
  MAX_ZOOM,
  panBy,
  splitPlaced,
  toneOf,
  weights,
  zoomAt,
} from './map-model.ts';

describe('map model', () => {
  it('keeps RSEs without both coordinates off the map', () => {
    const m = (id: string, latitude: number | null, longitude: number | null) => ({
      id,
      latitude,
      longitude,
      kind: 'DISK' as const,
      tone: 'site' as const,
      weight: 1,
      label: id,
    });
    const { placed, unplaced } = splitPlaced([m('A', 0, 0), m('B', null, 10), m('C', 10, null)]);
    expect(placed.map((p) => p.id)).toEqual(['A']);
    expect(unplaced.map((p) => p.id)).toEqual(['B', 'C']);
  });

  it('tones by files available of the total', () => {
    expect([toneOf(5, 5), toneOf(1, 5), toneOf(0, 5), toneOf(0, 0)]).toEqual([
      'complete',
      'partial',
      'missing',
      'missing',
    ]);
  });

  it('weighs against the largest, unknown as nothing, all alike when nothing is known', () => {
    expect(weights([10, 5, null])).toEqual([1, 0.5, 0]);
    expect(weights([null, null])).toEqual([1, 1]);
  });

  it('zooms about a point, within bounds, and never pans the world out of the frame', () => {
    const zoomed = zoomAt(HOME, 2, 480, 250, 960, 500);
    expect(zoomed).toEqual({ k: 2, x: -480, y: -250 });
    expect(zoomAt(zoomed, 100, 0, 0, 960, 500).k).toBe(MAX_ZOOM);
    expect(zoomAt(HOME, 0.1, 0, 0, 960, 500)).toEqual(HOME);
    expect(panBy(HOME, 100, 100, 960, 500)).toEqual(HOME);
    expect(panBy(zoomed, 1000, -1000, 960, 500)).toEqual({ k: 2, x: 0, y: -500 });
    expect(clampView({ k: 2, x: -2000, y: 10 }, 960, 500)).toEqual({ k: 2, x: -960, y: 0 });
  });
});
