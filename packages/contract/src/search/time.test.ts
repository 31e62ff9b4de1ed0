import { describe, expect, it } from 'vitest';
import {
  formatMjd,
  mjdToIso,
  mjdToMs,
  msToIso,
  msToMjd,
  msToRucio,
  parseTimeInput,
} from './time.ts';

describe('MJD ⇄ ISO 8601 at known epochs', () => {
  it.each([
    [0, '1858-11-17T00:00:00Z'],
    [40587, '1970-01-01T00:00:00Z'],
    [51544.5, '2000-01-01T12:00:00Z'], // J2000.0
    [51910, '2001-01-01T00:00:00Z'], // MJDREFI of CTAO IRFs and the demo's DL3 files
    [60676, '2025-01-01T00:00:00Z'],
    [60710.9, '2025-02-04T21:36:00Z'],
    [60710.25, '2025-02-04T06:00:00Z'],
    [51544.500005787, '2000-01-01T12:00:00.500Z'],
  ])('MJD %f = %s', (mjd, iso) => {
    expect(mjdToIso(mjd)).toBe(iso);
    expect(msToMjd(Date.parse(iso))).toBeCloseTo(mjd, 8);
  });

  it('goes there and back to the millisecond', () => {
    for (let ms = Date.UTC(1990, 0, 1); ms < Date.UTC(2060, 0, 1); ms += 86_400_000 * 37.123457) {
      const exact = Math.round(ms);
      expect(msToIso(mjdToMs(msToMjd(exact)))).toBe(msToIso(exact));
    }
  });

  it('shows an MJD with five decimals by default', () => {
    expect(formatMjd(51544.5)).toBe('51544.50000');
    expect(formatMjd(60710.123456789, 3)).toBe('60710.123');
  });
});

describe('msToRucio', () => {
  it('writes the formats Rucio’s filter engine reads as dates', () => {
    expect(msToRucio(Date.UTC(2025, 1, 4, 21, 34, 5))).toBe('2025-02-04T21:34:05');
    expect(msToRucio(Date.UTC(2025, 1, 4, 21, 34, 5, 500))).toBe('2025-02-04T21:34:05.500000Z');
    expect(msToRucio(Date.UTC(1969, 11, 31, 23, 59, 59, 250))).toBe('1969-12-31T23:59:59.250000Z');
  });
});

describe('parseTimeInput', () => {
  const J2000 = Date.UTC(2000, 0, 1, 12);

  it.each([
    ['51544.5', 'mjd'],
    ['MJD 51544.5', 'mjd'],
    ['mjd51544.5', 'mjd'],
    ['2000-01-01T12:00:00Z', 'iso'],
    ['2000-01-01T12:00:00', 'iso'],
    ['2000-01-01 12:00', 'iso'],
    ['2000-01-01t12:00:00z', 'iso'],
    ['2000-01-01T13:30:00+01:30', 'iso'],
    ['2000-01-01T07:00:00-0500', 'iso'],
    ['  2000-01-01T12:00:00.000Z  ', 'iso'],
  ])('%j is J2000.0 (%s)', (text, from) => {
    expect(parseTimeInput(text)).toEqual({
      ok: true,
      ms: J2000,
      mjd: 51544.5,
      iso: '2000-01-01T12:00:00Z',
      from,
    });
  });

  it('reads a date alone as midnight UTC and keeps fractions of a second', () => {
    expect(parseTimeInput('2025-02-04')).toMatchObject({ ok: true, iso: '2025-02-04T00:00:00Z' });
    expect(parseTimeInput('2025-02-04T21:34:05.123456789')).toMatchObject({
      ok: true,
      iso: '2025-02-04T21:34:05.123Z',
    });
  });

  it.each([
    '2025-02-30',
    '2025-13-01',
    '2025-02-04T24:00',
    '2025-02-04T12:60',
    '2025-02-04T12:00:60',
    '2025-2-4',
    'yesterday',
    '',
    '1e5',
    'MJD -700000',
    '9999999',
  ])('refuses %j', (text) => {
    expect(parseTimeInput(text).ok).toBe(false);
  });
});
