import { describe, expect, it } from 'vitest';
import { loadFigures, type LoadRun } from './load.ts';
import { meets } from './stats.ts';

const run = (requestsPerSec: number, p99Ms: number, failures = 0): LoadRun => ({
  requestsPerSec,
  p50Ms: p99Ms / 2,
  p99Ms,
  requests: requestsPerSec * 15,
  errors: failures,
  timeouts: 0,
  non2xx: 0,
});

const byName = (figures: ReturnType<typeof loadFigures>, suffix: string) => {
  const f = figures.find((x) => x.name.endsWith(suffix));
  if (!f) throw new Error(`no figure ending "${suffix}"`);
  return f;
};

describe('loadFigures', () => {
  it('when the BFF serves twice the requests at half the p99, then the ratios meet their targets', () => {
    const figures = loadFigures(
      'GET /api/scopes',
      [run(1000, 200), run(1100, 180), run(900, 220)],
      [run(500, 400), run(450, 420), run(520, 390)],
    );
    expect(byName(figures, 'throughput BFF/direct').value).toBeCloseTo(1000 / 500);
    expect(byName(figures, 'p99 BFF/direct').value).toBeCloseTo(200 / 400);
    expect(figures.every(meets)).toBe(true);
  });

  it('when one request through the BFF failed in any round, then the error figure misses', () => {
    const figures = loadFigures(
      'GET /api/me',
      [run(1000, 100), run(1000, 100, 1)],
      [run(100, 900)],
    );
    const errors = byName(figures, 'errors+timeouts+non-2xx');
    expect(errors.value).toBe(1);
    expect(meets(errors)).toBe(false);
  });

  it('when the BFF is only 1.5x faster, then the throughput figure misses', () => {
    const figures = loadFigures('GET /api/me', [run(750, 100)], [run(500, 400)]);
    expect(meets(byName(figures, 'throughput BFF/direct'))).toBe(false);
  });
});
