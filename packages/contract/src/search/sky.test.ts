import { describe, expect, it } from 'vitest';
import { angularDistance, formatDec, formatRa, parseDec, parseRa } from './sky.ts';

const deg = (result: ReturnType<typeof parseRa>): number => {
  if (!result.ok) throw new Error(result.message);
  return result.deg;
};

describe('parseRa', () => {
  it.each([
    ['83.63308', 83.63308],
    ['83.63308°', 83.63308],
    ['83.63308 deg', 83.63308],
    ['05:34:31.94', 83.633083],
    ['05 34 31.94', 83.633083],
    ['05h34m31.94s', 83.633083],
    ['5h 34m 31.94s', 83.633083],
    ['5.5755h', 83.6325],
    ['05:34.5', 83.625],
    ['0', 0],
    ['360', 0],
    ['23:59:59.999', 359.9999958],
  ])('%j → %f°', (text, expected) => {
    expect(deg(parseRa(text))).toBeCloseTo(expected, 6);
  });

  it.each(['-5', '360.1', '24:00:00', '05:60:00', '05:34:60', '-05:34:31', 'Crab', '', '24h'])(
    'refuses %j',
    (text) => {
      expect(parseRa(text).ok).toBe(false);
    },
  );
});

describe('parseDec', () => {
  it.each([
    ['22.0145', 22.0145],
    ['+22:00:52.2', 22.0145],
    ['22°00′52.2″', 22.0145],
    ['22d00\'52.2"', 22.0145],
    ['-30:13:32.1', -30.225583],
    ['-45d10m35.1s', -45.176417],
    ['-00:30:00', -0.5],
    ['-0 30 0', -0.5],
    ['-0.5', -0.5],
    ['+90', 90],
    ['-90:00:00', -90],
  ])('%j → %f°', (text, expected) => {
    expect(deg(parseDec(text))).toBeCloseTo(expected, 6);
  });

  it.each(['91', '-90.5', '+90:00:01', '12:60:00', '12h30m', 'north', ''])('refuses %j', (text) => {
    expect(parseDec(text).ok).toBe(false);
  });
});

describe('formatRa / formatDec', () => {
  it.each([
    [83.63308, '05:34:31.94'],
    [0, '00:00:00.00'],
    [359.99999999, '00:00:00.00'],
    [-15, '23:00:00.00'],
    [329.71694, '21:58:52.07'],
  ])('RA %f → %s', (value, text) => {
    expect(formatRa(value)).toBe(text);
  });

  it.each([
    [22.0145, '+22:00:52.2'],
    [-30.22559, '-30:13:32.1'],
    [-0.0001, '-00:00:00.4'],
    [29.99999999, '+30:00:00.0'],
    [-90, '-90:00:00.0'],
  ])('Dec %f → %s', (value, text) => {
    expect(formatDec(value)).toBe(text);
  });

  it('reads back what it writes', () => {
    for (let i = 0; i < 500; i++) {
      const ra = (i * 0.7213) % 360;
      const dec = ((i * 0.3371) % 180) - 90;
      expect(deg(parseRa(formatRa(ra, 4)))).toBeCloseTo(ra, 5);
      expect(deg(parseDec(formatDec(dec, 3)))).toBeCloseTo(dec, 5);
    }
  });
});

describe('angularDistance', () => {
  it.each([
    [[10, 20, 10, 20], 0],
    [[0, 0, 90, 0], 90],
    [[0, 90, 123, -90], 180],
    [[10, 20, 190, -20], 180],
    [[0, 60, 180, 60], 60],
    [[359.9, 0, 0.1, 0], 0.2],
    [[83.63308, 22.0145, 83.63308, 23.0145], 1],
  ])('%j → %f°', ([ra1, dec1, ra2, dec2], expected) => {
    expect(angularDistance(ra1 ?? 0, dec1 ?? 0, ra2 ?? 0, dec2 ?? 0)).toBeCloseTo(expected, 10);
  });

  it('stays precise for tiny and near-antipodal separations', () => {
    expect(angularDistance(0, 0, 0, 1e-9) / 1e-9).toBeCloseTo(1, 6);
    expect(
      angularDistance(45, 30, 45 + 1e-8, 30) / (1e-8 * Math.cos((30 * Math.PI) / 180)),
    ).toBeCloseTo(1, 6);
    expect(180 - angularDistance(10, 20, 190, -20 + 1e-7)).toBeCloseTo(1e-7, 12);
  });

  it('is symmetric', () => {
    expect(angularDistance(12, -40, 300, 10)).toBe(angularDistance(300, 10, 12, -40));
  });
});
