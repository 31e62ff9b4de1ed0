/** Starts an iteration and waits for its first row, then yields that row and the rest. */
export async function peeked<T>(rows: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    [Symbol.asyncIterator]: () => {
      let pending: IteratorResult<T> | undefined = first;
      return {
        next: () => {
          if (!pending) return iterator.next();
          const result = pending;
          pending = undefined;
          return Promise.resolve(result);
        },
        return: async (value?: unknown) => {
          await iterator.return?.(value);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** Every row of a listing the caller needs whole (a DID's rules, a scope's collections). */
export async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/**
 * Like Promise.all, but waits for every promise and, if any failed, throws the failure of the
 * first in the list (not the first to happen), so which error wins does not depend on timing.
 */
export async function settledInOrder<T extends readonly unknown[]>(promises: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** `work` on each item, at most `parallel` at a time, results in the items' order. */
export async function inTurn<T, R>(
  items: readonly T[],
  parallel: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  // A pool, not waves: a slow item holds up only its own worker. After a failure no new item
  // starts (the first error is what the caller gets).
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await work(items[i] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, parallel), items.length) }, worker));
  return out;
}
