import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatInstant, plural } from './format.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [4853, '4.85 kB'],
    [26_012, '26.0 kB'],
    [1_017_553, '1.02 MB'],
    [2_500_000_000, '2.50 GB'],
    [3.2e12, '3.20 TB'],
  ])('when %d bytes, then %s (decimal units)', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('when Rucio does not know the size, then a dash', () => {
    expect(formatBytes(null)).toBe('—');
  });
});

describe('counts and dates', () => {
  it('when numbers are large, then they are grouped; plurals follow the count', () => {
    expect(formatCount(100_000)).toBe('100,000');
    expect(plural(1, 'file')).toBe('1 file');
    expect(plural(2, 'file')).toBe('2 files');
  });

  it('when an ISO instant is shown, then it reads in UTC to the second', () => {
    expect(formatInstant('2026-12-02T00:27:15.000Z')).toBe('2026-12-02 00:27:15 UTC');
    expect(formatInstant(null)).toBe('—');
  });
});
