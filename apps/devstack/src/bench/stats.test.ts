import { describe, expect, it } from 'vitest';
import { formatFigure, meets, summarize } from './stats.ts';

describe('bench stats', () => {
  it('takes the median of odd and even sample counts', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('refuses an empty sample set', () => {
    expect(() => summarize([])).toThrow('no samples');
  });

  it('says whether a figure meets its target', () => {
    const ok = { name: 'ratio', value: 1.2, unit: 'x', target: { op: '<=' as const, limit: 1.5 } };
    const missed = { ...ok, value: 2 };
    expect(meets(ok)).toBe(true);
    expect(meets(missed)).toBe(false);
    expect(formatFigure(missed)).toContain('MISSED');
    expect(formatFigure({ name: 'rss', value: 80, unit: 'MiB' })).not.toContain('target');
  });
});
