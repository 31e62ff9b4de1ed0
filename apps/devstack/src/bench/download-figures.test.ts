import { describe, expect, it } from 'vitest';
import { fetchLineCounter } from './bundle-script-bench.ts';
import {
  costFigures,
  rssGrowthFigure,
  rssScalingFigure,
  throughput,
  throughputFigures,
  ttfbFigure,
} from './download-figures.ts';
import { BARE_PROXY, singleFileFigures } from './downloads-bench.ts';
import type { Timing } from './probes.ts';
import { meets } from './stats.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const t = (ttlbMs: number, ttfbMs = 5, bytes = GiB): Timing => ({
  ttfbMs,
  ttlbMs,
  bytes,
  status: 200,
});

describe('download figures', () => {
  it('when 1 GB arrives in 5 s, then the throughput is 200 MB/s, or counted on the payload given', () => {
    expect(throughput(t(5000, 5, 1e9))).toBeCloseTo(200);
    expect(throughput(t(5000, 5, 2e9), 1e9)).toBeCloseTo(200);
  });

  it('when the BFF is 4 % slower than direct, then its throughput ratio of medians meets 0.95', () => {
    const via = { name: 'via BFF', samples: [t(5200), t(5200), t(9000)] };
    const direct = { name: 'direct', samples: [t(5000), t(4000), t(5000)] };
    const [v, d, ratio] = throughputFigures('1 GiB', via, direct, 0.95);
    expect(v?.value).toBeCloseTo(GiB / 1e6 / 5.2);
    expect(d?.value).toBeCloseTo(GiB / 1e6 / 5);
    expect(ratio?.name).toBe('1 GiB throughput via BFF/direct');
    expect(ratio?.value).toBeCloseTo(5 / 5.2);
    expect(ratio && meets(ratio)).toBe(true);
    const [, , slow] = throughputFigures('1 GiB', { ...via, samples: [t(6000)] }, direct, 0.95);
    expect(slow && meets(slow)).toBe(false);
  });

  it('when first bytes come 25 ms later than direct (medians), then the 20 ms budget is missed', () => {
    const f = ttfbFigure(
      'file',
      [t(1, 30), t(1, 35), t(1, 300)],
      [t(1, 5), t(1, 10), t(1, 12)],
      20,
    );
    expect(f.value).toBe(25);
    expect(meets(f)).toBe(false);
    expect(meets(ttfbFigure('file', [t(1, 20)], [t(1, 5)], 20))).toBe(true);
  });

  it('when ranges cost 10 ms direct, 10.5 via the BFF and 12 via a link, then only the link misses 1.1x', () => {
    const figures = costFigures(
      'last 1 MiB',
      [
        { name: 'direct', ms: [10, 9, 11] },
        { name: 'via BFF', ms: [10.5, 10.5, 30] },
        { name: 'via link', ms: [12, 12, 12] },
      ],
      1.1,
    );
    expect(figures.map((f) => f.name)).toEqual([
      'last 1 MiB direct (median)',
      'last 1 MiB via BFF (median)',
      'last 1 MiB via link (median)',
      'last 1 MiB via BFF/direct',
      'last 1 MiB via link/direct',
    ]);
    expect(figures.slice(3).map((f) => [f.value, meets(f)])).toEqual([
      [1.05, true],
      [1.2, false],
    ]);
  });

  it('when the 1 GiB file also went through the bare proxy, then its throughput ratio is printed without a target', () => {
    const samples = new Map([
      ['via BFF', [t(1100)]],
      ['via link', [t(1050)]],
      ['direct', [t(1000)]],
      [BARE_PROXY, [t(1025)]],
    ]);
    const figures = singleFileFigures(samples, GiB);
    const ratio = (name: string) =>
      figures.find((f) => f.name === `1 GiB file throughput ${name}/direct`);
    expect(ratio('via BFF')?.target).toEqual({ op: '>=', limit: 0.95 });
    expect(ratio('via link')?.target).toEqual({ op: '>=', limit: 0.95 });
    expect(ratio(BARE_PROXY)?.value).toBeCloseTo(1000 / 1025);
    expect(ratio(BARE_PROXY)?.target).toBeUndefined();
    // The direct median is printed once per held way, not again for the yardstick.
    expect(figures.filter((f) => f.name === '1 GiB file direct (median)')).toHaveLength(2);
    expect(singleFileFigures(new Map([...samples].slice(0, 3)), GiB)).toHaveLength(8);
  });

  it('when a reference way is named, then its ratio is printed without a target', () => {
    const figures = costFigures(
      'last 1 MiB',
      [
        { name: 'direct', ms: [10] },
        { name: 'via BFF', ms: [12] },
        { name: 'via bare proxy', ms: [13] },
      ],
      1.1,
      ['via bare proxy'],
    );
    const ratio = (name: string) => figures.find((f) => f.name === `last 1 MiB ${name}/direct`);
    expect(ratio('via BFF')?.target).toEqual({ op: '<=', limit: 1.1 });
    const proxy = ratio('via bare proxy');
    expect(proxy?.value).toBeCloseTo(1.3);
    expect(proxy?.target).toBeUndefined();
    expect(proxy && meets(proxy)).toBe(true);
  });

  it('when RSS peaks over idle, then the median growth is held against the limit, and large - small too', () => {
    const small = [
      { idle: 100 * MiB, peak: 110 * MiB },
      { idle: 100 * MiB, peak: 104 * MiB },
      { idle: 90 * MiB, peak: 96 * MiB },
    ];
    const large = small.map((u) => ({ ...u, peak: u.peak + 20 * MiB }));
    const growth = rssGrowthFigure('ZIP', small, 64);
    expect(growth.value).toBe(6);
    expect(meets(growth)).toBe(true);
    expect(rssGrowthFigure('script', small).target).toBeUndefined();
    const scaling = rssScalingFigure('script', small, large, 16);
    expect(scaling.value).toBe(20);
    expect(meets(scaling)).toBe(false);
  });

  it('when a curl script arrives in pieces, then every fetch line is counted once', () => {
    const lines = fetchLineCounter();
    const script = "#!/bin/sh\nfetch() {\n}\nfetch 'u1' 'p1'\nfetch 'u2' 'p2'\nfetch 'u3' 'p3'";
    for (let i = 0; i < script.length; i += 7) lines.add(Buffer.from(script.slice(i, i + 7)));
    expect(lines.count()).toBe(3);
  });
});
