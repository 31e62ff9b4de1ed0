import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render.tsx';
import { LazyWorldMap } from './lazy-world-map.tsx';
import type { MapMarker } from './map-model.ts';

const marker = (
  id: string,
  kind: 'DISK' | 'TAPE',
  lat: number | null,
  lon: number | null,
): MapMarker => ({
  id,
  latitude: lat,
  longitude: lon,
  kind,
  tone: 'complete',
  weight: 1,
  label: `${id} label`,
});

const MARKERS = [
  marker('CTAO-N-ONSITE', 'DISK', 28.76, -17.89),
  marker('PIC-TAPE', 'TAPE', 41.5, 2.11),
  marker('NOWHERE', 'DISK', null, null),
];

const zoomOf = (map: HTMLElement) => map.querySelector('svg > g')?.getAttribute('transform') ?? '';

describe('WorldMap', () => {
  it('draws a button per placed RSE (a circle for disk, a diamond for tape), none for an unplaced one', async () => {
    renderWithProviders(<LazyWorldMap label="Test map" markers={MARKERS} />);
    const map = await screen.findByRole('application', { name: /^Test map/ });
    const disk = within(map).getByRole('button', { name: 'CTAO-N-ONSITE label' });
    expect(disk.tagName).toBe('circle');
    expect(within(map).getByRole('button', { name: 'PIC-TAPE label' }).tagName).toBe('rect');
    expect(within(map).queryByRole('button', { name: 'NOWHERE label' })).not.toBeInTheDocument();
    // The basemap is drawn from the bundled outline, not fetched.
    expect(map.querySelectorAll('path').length).toBeGreaterThanOrEqual(3);
  });

  it('selects an RSE by click, Enter or Space', async () => {
    const onSelect = vi.fn();
    renderWithProviders(<LazyWorldMap label="Test map" markers={MARKERS} onSelect={onSelect} />);
    const tape = await screen.findByRole('button', { name: 'PIC-TAPE label' });
    await userEvent.click(tape);
    tape.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(onSelect.mock.calls).toEqual([['PIC-TAPE'], ['PIC-TAPE'], ['PIC-TAPE']]);
  });

  it('zooms and pans with the buttons and the keyboard, and 0 resets', async () => {
    renderWithProviders(<LazyWorldMap label="Test map" markers={MARKERS} />);
    const map = await screen.findByRole('application', { name: /^Test map/ });
    expect(zoomOf(map)).toBe('translate(0 0) scale(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(zoomOf(map)).toBe('translate(-240 -125) scale(1.5)');
    map.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(zoomOf(map)).toBe('translate(-300 -125) scale(1.5)');
    await userEvent.keyboard('0');
    expect(zoomOf(map)).toBe('translate(0 0) scale(1)');
    await userEvent.keyboard('+');
    expect(zoomOf(map)).toContain('scale(1.5)');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(zoomOf(map)).toBe('translate(0 0) scale(1)');
  });

  it('draws the largest markers first, so a small one nearby stays on top and clickable', async () => {
    const sized = [
      { ...marker('SMALL', 'DISK', 46, 9), weight: 0.1 },
      { ...marker('BIG', 'DISK', 46.1, 9.1), weight: 1 },
    ];
    renderWithProviders(<LazyWorldMap label="Test map" markers={sized} />);
    const map = await screen.findByRole('application', { name: /^Test map/ });
    await within(map).findByRole('button', { name: 'BIG label' });
    expect([...map.querySelectorAll('[data-rse]')].map((e) => e.getAttribute('data-rse'))).toEqual([
      'BIG',
      'SMALL',
    ]);
  });
});
