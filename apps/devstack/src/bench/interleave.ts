/**
 * Two measurements taken side by side, `runs` times each, in counterbalanced order (A B, B A,
 * A B …): neither side always comes first, so what the first call of a pair leaves behind (a warm
 * cache, a pending GC, the server's idle wake-up) does not land on one side only.
 */
export async function interleaved(
  runs: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      out.a.push(await a());
      out.b.push(await b());
    } else {
      out.b.push(await b());
      out.a.push(await a());
    }
  }
  return out;
}
