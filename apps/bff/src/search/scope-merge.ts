/** One name of the merged result, and the scope it was found in. */
export interface FoundName {
  scope: string;
  name: string;
}

/** What the merge has seen so far; read by progress lines and the trailer. */
export interface MergeState {
  matched: number;
  scopesDone: string[];
}

/**
 * Reads every scope's name stream at once and yields the names as they come, whichever scope
 * they come from. Each stream has at most one read outstanding, so a slow consumer slows every
 * Rucio stream down (TCP backpressure) instead of buffering names. The first failure ends the
 * merge with that error; stopping early closes every stream.
 */
export async function* mergeScopes(
  sources: { scope: string; names: AsyncIterable<string> }[],
  state: MergeState,
): AsyncGenerator<FoundName> {
  const live = new Map(
    sources.map(({ scope, names }) => [scope, names[Symbol.asyncIterator]()] as const),
  );
  const pending = new Map<string, Promise<{ scope: string; result: IteratorResult<string> }>>();
  const read = (scope: string, it: AsyncIterator<string>) =>
    pending.set(
      scope,
      it.next().then((result) => ({ scope, result })),
    );
  try {
    for (const [scope, it] of live) read(scope, it);
    while (pending.size > 0) {
      const { scope, result } = await Promise.race(pending.values());
      pending.delete(scope);
      if (result.done) {
        live.delete(scope);
        state.scopesDone.push(scope);
        continue;
      }
      state.matched += 1;
      read(scope, live.get(scope) as AsyncIterator<string>);
      yield { scope, name: result.value };
    }
  } finally {
    // Stopped early (cap, client gone, another scope failed): close every stream still open.
    for (const it of live.values()) void it.return?.().catch(() => undefined);
    for (const p of pending.values()) void p.catch(() => undefined);
  }
}
