/**
 * The order of run `i` (0, 1, 2 … for A B C, B C A, C A B …): each way goes first as often as
 * the others, so none gains from a page cache or a CPU warmed by the one before.
 */
export function rotation<T>(ways: readonly T[], i: number): T[] {
  const k = ways.length ? i % ways.length : 0;
  return [...ways.slice(k), ...ways.slice(0, k)];
}

/**
 * Measurements taken side by side, `runs` times each, in rotated order (for two: A B, B A, A B …;
 * for three: A B C, B C A, C A B …): no side always comes first, so what the call before leaves
 * behind (a warm cache, a pending GC, the server's idle wake-up) does not land on one side only.
 */
export async function rotated(
  runs: number,
  sides: readonly (() => Promise<number>)[],
): Promise<number[][]> {
  const out = sides.map((): number[] => []);
  const order = sides.map((_, j) => j);
  for (let i = 0; i < runs; i++)
    for (const j of rotation(order, i)) out[j]?.push(await (sides[j] as () => Promise<number>)());
  return out;
}

/** Two measurements, rotated (A B, B A, A B …). */
export async function interleaved(
  runs: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<{ a: number[]; b: number[] }> {
  const [ta = [], tb = []] = await rotated(runs, [a, b]);
  return { a: ta, b: tb };
}
