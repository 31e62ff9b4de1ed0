/** Order statistics for benchmark samples. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, n: sorted.length };
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** e.g. "<= 1.5"; absent for figures reported without a target. */
  target?: { op: '<=' | '>='; limit: number };
  detail?: string;
}

export const meets = (f: Figure): boolean =>
  !f.target || (f.target.op === '<=' ? f.value <= f.target.limit : f.value >= f.target.limit);

export function formatFigure(f: Figure): string {
  const value = Number.isInteger(f.value)
    ? String(f.value)
    : f.value.toFixed(f.unit === 'x' ? 2 : 1);
  const target = f.target
    ? `  target ${f.target.op} ${f.target.limit} ${f.unit}  ${meets(f) ? 'OK' : 'MISSED'}`
    : '';
  return `${f.name.padEnd(34)} ${value.padStart(10)} ${f.unit.padEnd(4)}${target}${f.detail ? `  (${f.detail})` : ''}`;
}

export const range = (s: Summary) => `min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, n ${s.n}`;
/** Median through the BFF, median direct, and their ratio held against the target. */
export function comparison(
  label: string,
  viaBff: number[],
  direct: number[],
  limit = 1.5,
): Figure[] {
  const b = summarize(viaBff);
  const d = summarize(direct);
  return [
    { name: `${label} via BFF (median)`, value: b.median, unit: 'ms', detail: range(b) },
    { name: `${label} direct (median)`, value: d.median, unit: 'ms', detail: range(d) },
    {
      name: `${label} ratio BFF/direct`,
      value: b.median / d.median,
      unit: 'x',
      target: { op: '<=', limit },
    },
  ];
}
