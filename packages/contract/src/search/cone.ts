import type { FilterCondition, SkyCone } from './query.ts';
import { angularDistance, RAD } from './sky.ts';

/*
 * Cone search on top of Rucio's range filters: Rucio can only compare `ra_pnt`/`dec_pnt` with
 * numbers, so a cone goes to Rucio as the RA/Dec box(es) that contain it, and the BFF keeps the
 * rows `inCone` accepts. The boxes always contain the whole cone, so the result is exact.
 */

export const RA_KEY = 'ra_pnt';
export const DEC_KEY = 'dec_pnt';

/** RA from `raMin` to `raMax` (no wrap inside one box), Dec from `decMin` to `decMax`. */
export interface SkyBox {
  raMin: number;
  raMax: number;
  decMin: number;
  decMax: number;
}

export interface ConeProblem {
  field: 'ra' | 'dec' | 'radius';
  message: string;
}

/** What is wrong with a cone; empty when it is usable. */
export function coneProblems(cone: SkyCone): ConeProblem[] {
  const problems: ConeProblem[] = [];
  const { ra, dec, radius } = cone;
  if (!Number.isFinite(ra) || ra < 0 || ra >= 360) {
    problems.push({ field: 'ra', message: 'RA must be a number of degrees from 0 to below 360' });
  }
  if (!Number.isFinite(dec) || Math.abs(dec) > 90) {
    problems.push({ field: 'dec', message: 'Dec must be a number of degrees from -90 to 90' });
  }
  if (!Number.isFinite(radius) || radius <= 0 || radius > 180) {
    problems.push({ field: 'radius', message: 'radius must be above 0 and at most 180 degrees' });
  }
  return problems;
}

/** Whether (ra, dec) lies in the cone, its edge included. */
export const inCone = (cone: SkyCone, ra: number, dec: number): boolean =>
  angularDistance(cone.ra, cone.dec, ra, dec) <= cone.radius;

/**
 * The smallest RA/Dec boxes holding the cone: one box, two when the RA range crosses 0/360°,
 * the full RA range when the cone reaches a pole. The RA half-width of a small circle is
 * asin(sin r / cos δ) — wider than r away from the equator.
 */
export function coneBoxes(cone: SkyCone): SkyBox[] {
  const decMin = Math.max(-90, cone.dec - cone.radius);
  const decMax = Math.min(90, cone.dec + cone.radius);
  const reachesPole = Math.abs(cone.dec) + cone.radius >= 90;
  const halfWidth = reachesPole
    ? 180
    : Math.asin(Math.min(1, Math.sin(cone.radius * RAD) / Math.cos(cone.dec * RAD))) / RAD;
  if (halfWidth >= 180) return [{ raMin: 0, raMax: 360, decMin, decMax }];
  const raMin = cone.ra - halfWidth;
  const raMax = cone.ra + halfWidth;
  if (raMin < 0) {
    return [
      { raMin: raMin + 360, raMax: 360, decMin, decMax },
      { raMin: 0, raMax, decMin, decMax },
    ];
  }
  if (raMax > 360) {
    return [
      { raMin, raMax: 360, decMin, decMax },
      { raMin: 0, raMax: raMax - 360, decMin, decMax },
    ];
  }
  return [{ raMin, raMax, decMin, decMax }];
}

/** Six decimals (≈ 4 mas), rounded outwards so the text box still holds the cone. */
const bound = (value: number, direction: 'down' | 'up'): string =>
  String(
    (direction === 'down' ? Math.floor(value * 1e6 - 1e-6) : Math.ceil(value * 1e6 + 1e-6)) / 1e6,
  );

/** A box as conditions, leaving out the bounds that hold for every position. */
export function boxConditions(box: SkyBox): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  if (box.raMin > 0) conditions.push({ key: RA_KEY, op: '>=', value: bound(box.raMin, 'down') });
  if (box.raMax < 360) conditions.push({ key: RA_KEY, op: '<=', value: bound(box.raMax, 'up') });
  if (box.decMin > -90)
    conditions.push({ key: DEC_KEY, op: '>=', value: bound(box.decMin, 'down') });
  if (box.decMax < 90) conditions.push({ key: DEC_KEY, op: '<=', value: bound(box.decMax, 'up') });
  return conditions;
}

/**
 * `groups` AND the cone's boxes: every group once per box (A OR B) AND (X OR Y) =
 * AX OR AY OR BX OR BY. A box without bounds constrains nothing and adds nothing.
 */
export function withCone(
  groups: FilterCondition[][],
  cone: SkyCone | undefined,
): FilterCondition[][] {
  if (!cone) return groups;
  const boxes = coneBoxes(cone).map(boxConditions);
  if (boxes.some((b) => b.length === 0)) return groups;
  if (groups.length === 0) return boxes;
  return groups.flatMap((group) => boxes.map((box) => [...group, ...box]));
}
