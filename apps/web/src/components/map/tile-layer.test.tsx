import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { basemap, HEIGHT, WIDTH } from './basemap.ts';
import { LazyWorldMap } from './lazy-world-map.tsx';
import { HOME, zoomAt, type MapMarker, type View } from './map-model.ts';
import { visibleTiles } from './tile-layer.tsx';
import { WorldMap } from './world-map.tsx';

const TEMPLATE = 'https://tile.test/osm/{z}/{x}/{y}.png?k=1';
const TILES = { url: TEMPLATE, attribution: '© OpenStreetMap contributors' };
const LA_PALMA: [number, number] = [-17.89, 28.76];
const MARKERS: MapMarker[] = [
  {
    id: 'CTAO-N-ONSITE',
    longitude: LA_PALMA[0],
    latitude: LA_PALMA[1],
    kind: 'DISK',
    tone: 'complete',
    weight: 1,
    label: 'CTAO-N-ONSITE label',
  },
];

/** The slippy-map tile holding a place (OpenStreetMap's formula, not d3's). */
function tileOf([lon, lat]: [number, number], z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const y = (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(y * n)];
}

const images = (map: HTMLElement) => [...map.querySelectorAll('image')];
const hrefs = (map: HTMLElement) => images(map).map((i) => i.getAttribute('href'));

describe('visibleTiles (Web Mercator)', () => {
  const { projection } = basemap('mercator');
  const [lpx = 0, lpy = 0] = projection(LA_PALMA) ?? [];
  const zoomed = zoomAt(HOME, 6, lpx - 100, lpy + 50, WIDTH, HEIGHT);

  it.each<[string, View]>([
    ['the whole world', HOME],
    ['zoomed in near La Palma', zoomed],
  ])('%s: the tile under a marker is the tile that holds its place', (_label, view) => {
    const tiles = visibleTiles(TEMPLATE, projection, view, WIDTH, HEIGHT);
    const [px = 0, py = 0] = projection(LA_PALMA) ?? [];
    const [sx, sy] = [px * view.k + view.x, py * view.k + view.y];
    const under = tiles.find(
      (t) => sx >= t.x && sx < t.x + t.size && sy >= t.y && sy < t.y + t.size,
    );
    const z = Number(under?.key.split('/')[0]);
    const [x, y] = tileOf(LA_PALMA, z);
    expect(under?.key).toBe(`${z}/${x}/${y}`);
    expect(under?.href).toBe(`https://tile.test/osm/${z}/${x}/${y}.png?k=1`);
  });

  it('covers the frame with tiles of the zoom level the view needs', () => {
    const home = visibleTiles(TEMPLATE, projection, HOME, WIDTH, HEIGHT);
    // 960 frame units wide: 4 tiles of zoom 2 across, 4 down (the frame shows ±68°).
    expect(home.map((t) => t.key)).toHaveLength(16);
    expect(new Set(home.map((t) => t.key.split('/')[0]))).toEqual(new Set(['2']));
    const tile = home.find((t) => t.key === '2/1/1');
    expect([tile?.x, tile?.y, tile?.size].map((v) => Math.round(v ?? NaN))).toEqual([240, 10, 240]);
    const deep = visibleTiles(TEMPLATE, projection, zoomed, WIDTH, HEIGHT);
    expect(new Set(deep.map((t) => t.key.split('/')[0]))).toEqual(new Set(['4']));
    for (const t of deep) {
      expect(t.x + t.size).toBeGreaterThan(0);
      expect(t.x).toBeLessThan(WIDTH);
    }
  });
});

describe('WorldMap with a tile server', () => {
  it('draws the visible tiles under the markers and credits the tile server in the corner', () => {
    renderWithProviders(<WorldMap label="Test map" markers={MARKERS} tiles={TILES} />);
    const map = screen.getByRole('application', { name: /^Test map/ });
    expect(hrefs(map)).toHaveLength(16);
    expect(hrefs(map)).toContain('https://tile.test/osm/2/1/1.png?k=1');
    // In document order (the painting order): the outline, then the tiles, the marker on top.
    const svg = map.querySelector('svg') ?? map;
    const order = [...svg.querySelectorAll('path, image, [data-rse]')].map((e) => e.tagName);
    expect(order.slice(0, 3)).toEqual(['path', 'path', 'path']);
    expect(order.slice(3, 19)).toEqual(Array<string>(16).fill('image'));
    expect(order.slice(19)).toEqual(['circle']);
    expect(within(map).getByRole('button', { name: 'CTAO-N-ONSITE label' })).toBeVisible();
    expect(within(map).getByText('© OpenStreetMap contributors')).toBeInTheDocument();
  });

  it('moves and re-picks the tiles as the view pans and zooms', async () => {
    renderWithProviders(<WorldMap label="Test map" markers={MARKERS} tiles={TILES} />);
    const map = screen.getByRole('application', { name: /^Test map/ });
    const xOf = (key: string) =>
      Number(
        images(map)
          .find((i) => i.getAttribute('href')?.includes(key))
          ?.getAttribute('x'),
      );
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const before = xOf('/2/1/1.png');
    map.focus();
    await userEvent.keyboard('{ArrowRight}');
    // The arrow moves the view 60 frame units: tiles and markers alike.
    expect(xOf('/2/1/1.png')).toBeCloseTo(before - 60);
    await userEvent.keyboard('+');
    expect(hrefs(map).every((h) => h?.startsWith('https://tile.test/osm/3/'))).toBe(true);
    await userEvent.keyboard('0');
    expect(hrefs(map)).toHaveLength(16);
  });

  it('leaves the outline showing where a tile does not load', () => {
    renderWithProviders(<WorldMap label="Test map" markers={MARKERS} tiles={TILES} />);
    const map = screen.getByRole('application', { name: /^Test map/ });
    const broken = images(map).find((i) => i.getAttribute('href')?.includes('/2/1/1.png'));
    if (!broken) throw new Error('no tile 2/1/1');
    fireEvent.error(broken);
    expect(hrefs(map)).toHaveLength(15);
    expect(hrefs(map)).not.toContain('https://tile.test/osm/2/1/1.png?k=1');
    expect(map.querySelectorAll('path').length).toBeGreaterThanOrEqual(3);
  });
});

describe('the lazily loaded map reads the deployment settings', () => {
  it('when a tile server is configured, then it draws tiles', async () => {
    fakeFetch({ 'GET /api/settings': { body: { mapTiles: TILES } } });
    renderWithProviders(<LazyWorldMap label="Test map" markers={MARKERS} />);
    const map = await screen.findByRole('application', { name: /^Test map/ });
    expect(hrefs(map)).toContain('https://tile.test/osm/2/1/1.png?k=1');
    expect(within(map).getByText('© OpenStreetMap contributors')).toBeInTheDocument();
  });

  it.each([
    ['none is configured', { body: { mapTiles: null } }],
    [
      'the settings cannot be read',
      { status: 500, body: { error: { code: 'internal', message: 'x' } } },
    ],
  ])('when %s, then it draws the bundled outline only', async (_label, reply) => {
    fakeFetch({ 'GET /api/settings': reply });
    renderWithProviders(<LazyWorldMap label="Test map" markers={MARKERS} />);
    const map = await screen.findByRole('application', { name: /^Test map/ }, { timeout: 8000 });
    expect(images(map)).toHaveLength(0);
    expect(within(map).queryByText(/OpenStreetMap/)).not.toBeInTheDocument();
    expect(map.querySelector('path')?.getAttribute('d')).toBe(basemap().sphere);
  });
});
