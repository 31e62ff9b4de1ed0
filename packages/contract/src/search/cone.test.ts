import { describe, expect, it } from 'vitest';
import { boxConditions, coneBoxes, coneProblems, inCone, withCone } from './cone.ts';
import type { FilterCondition, SkyCone } from './query.ts';

const cone = (ra: number, dec: number, radius: number): SkyCone => ({ ra, dec, radius });

/** Whether (ra, dec) passes a box's conditions as Rucio would compare them (text → number). */
function passes(conditions: FilterCondition[], ra: number, dec: number): boolean {
  return conditions.every(({ key, op, value }) => {
    const x = key === 'ra_pnt' ? ra : dec;
    return op === '>=' ? x >= Number(value) : x <= Number(value);
  });
}

describe('coneProblems', () => {
  it('accepts a usable cone', () => {
    expect(coneProblems(cone(83.6, 22, 1))).toEqual([]);
    expect(coneProblems(cone(0, -90, 180))).toEqual([]);
  });

  it.each([
    [cone(360, 0, 1), 'ra'],
    [cone(-1, 0, 1), 'ra'],
    [cone(10, 90.5, 1), 'dec'],
    [cone(10, Number.NaN, 1), 'dec'],
    [cone(10, 0, 0), 'radius'],
    [cone(10, 0, -1), 'radius'],
    [cone(10, 0, 180.5), 'radius'],
    [cone(10, 0, Number.POSITIVE_INFINITY), 'radius'],
  ])('refuses %j (%s)', (c, field) => {
    expect(coneProblems(c).map((p) => p.field)).toEqual([field]);
  });
});

describe('coneBoxes', () => {
  it('is one box around the Crab, wider in RA than in Dec', () => {
    const [box, ...more] = coneBoxes(cone(83.63308, 22.0145, 1));
    expect(more).toEqual([]);
    expect(box?.decMin).toBeCloseTo(21.0145, 9);
    expect(box?.decMax).toBeCloseTo(23.0145, 9);
    expect(83.63308 - (box?.raMin ?? 0)).toBeCloseTo(1.0786540201, 9);
  });

  it('splits in two across RA 0° and across RA 360°', () => {
    expect(coneBoxes(cone(0.2, 0, 0.5)).map((b) => [b.raMin, b.raMax])).toEqual([
      [expect.closeTo(359.7, 9), 360],
      [0, expect.closeTo(0.7, 9)],
    ]);
    expect(coneBoxes(cone(359.9, 0, 0.5)).map((b) => [b.raMin, b.raMax])).toEqual([
      [expect.closeTo(359.4, 9), 360],
      [0, expect.closeTo(0.4, 9)],
    ]);
  });

  it('takes every RA when the cone reaches or touches a pole', () => {
    expect(coneBoxes(cone(10, 89.5, 1))).toEqual([
      { raMin: 0, raMax: 360, decMin: 88.5, decMax: 90 },
    ]);
    expect(coneBoxes(cone(10, 89, 1))).toEqual([{ raMin: 0, raMax: 360, decMin: 88, decMax: 90 }]);
    expect(coneBoxes(cone(200, -89.9, 0.2))).toEqual([
      { raMin: 0, raMax: 360, decMin: -90, decMax: expect.closeTo(-89.7, 9) },
    ]);
    expect(coneBoxes(cone(0, 0, 180))).toEqual([{ raMin: 0, raMax: 360, decMin: -90, decMax: 90 }]);
  });

  it('holds every position of the cone, as text bounds (5 000 positions per cone)', () => {
    const cones = [
      cone(83.63308, 22.0145, 1),
      cone(0.01, 45, 3),
      cone(359.95, -60, 2),
      cone(128.83606, -45.17643, 5),
      cone(180, 88.9, 1.2),
      cone(10, -89.99, 0.5),
      cone(270, 0, 89),
      cone(45, 70, 19.999),
    ];
    const misses: string[] = [];
    let inside = 0;
    for (const c of cones) {
      const boxes = coneBoxes(c).map(boxConditions);
      for (let i = 0; i < 5_000; i++) {
        const [ra, dec] = nearby(c, i);
        if (!inCone(c, ra, dec)) continue;
        inside++;
        if (!boxes.some((b) => passes(b, ra, dec)))
          misses.push(`${JSON.stringify(c)} ${ra} ${dec}`);
      }
    }
    expect(misses).toEqual([]);
    expect(inside).toBeGreaterThan(30_000);
  });
});

/** Deterministic positions scattered over the cone and just beyond its edge. */
function nearby(c: SkyCone, i: number): [number, number] {
  const r = (c.radius * 1.05 * Math.sqrt((i * 0.618034) % 1) * Math.PI) / 180;
  const bearing = i * 2.399963;
  const dec0 = (c.dec * Math.PI) / 180;
  const dec = Math.asin(
    Math.sin(dec0) * Math.cos(r) + Math.cos(dec0) * Math.sin(r) * Math.cos(bearing),
  );
  const dRa = Math.atan2(
    Math.sin(bearing) * Math.sin(r) * Math.cos(dec0),
    Math.cos(r) - Math.sin(dec0) * Math.sin(dec),
  );
  const ra = (((c.ra + (dRa * 180) / Math.PI) % 360) + 360) % 360;
  return [ra, (dec * 180) / Math.PI];
}

describe('boxConditions', () => {
  it('writes bounds rounded outwards and leaves out the ones every position meets', () => {
    expect(boxConditions({ raMin: 10.1234567, raMax: 20.1234561, decMin: -90, decMax: 5 })).toEqual(
      [
        { key: 'ra_pnt', op: '>=', value: '10.123456' },
        { key: 'ra_pnt', op: '<=', value: '20.123457' },
        { key: 'dec_pnt', op: '<=', value: '5.000001' },
      ],
    );
    expect(boxConditions({ raMin: 0, raMax: 360, decMin: -90, decMax: 90 })).toEqual([]);
  });
});

describe('inCone', () => {
  it('includes the edge and nothing beyond it', () => {
    const c = cone(83.63308, 22.0145, 1);
    expect(inCone(c, 83.63308, 22.0145)).toBe(true);
    expect(inCone(c, 83.63308, 22.0145 + 0.999999)).toBe(true);
    expect(inCone(c, 83.63308, 22.0145 + 1.000001)).toBe(false);
    expect(inCone(c, 83.63308 + 1.02, 22.0145)).toBe(true); // RA degrees shrink by cos(Dec)
    expect(inCone(c, 83.63308 + 1.08, 22.0145)).toBe(false);
  });

  it('works across RA 0° and over a pole', () => {
    expect(inCone(cone(359.9, 0, 0.5), 0.3, 0)).toBe(true);
    expect(inCone(cone(0, 89.5, 1), 180, 89.6)).toBe(true);
  });
});

describe('withCone', () => {
  const a: FilterCondition = { key: 'site', op: '=', value: 'CTAO-North' };
  const b: FilterCondition = { key: 'site', op: '=', value: 'CTAO-South' };

  it('ANDs the boxes into every group: (A or B) and (X or Y) = AX or AY or BX or BY', () => {
    const groups = withCone([[a], [b]], cone(0.2, 0, 0.5));
    expect(groups).toHaveLength(4);
    expect(groups.map((g) => g[0])).toEqual([a, a, b, b]);
    expect(groups[1]?.slice(1)).toEqual(boxConditions(coneBoxes(cone(0.2, 0, 0.5))[1]!));
  });

  it('is the boxes alone without groups, and changes nothing for a whole-sky cone', () => {
    expect(withCone([], cone(83.6, 22, 1))).toHaveLength(1);
    expect(withCone([[a]], cone(0, 0, 180))).toEqual([[a]]);
    expect(withCone([[a]], undefined)).toEqual([[a]]);
  });
});
