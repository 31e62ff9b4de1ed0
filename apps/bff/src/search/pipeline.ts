/*
 * Enrichment pipelined with the search: names are cut into batches (the first small, so the first
 * rows arrive fast), and a few batches are at Rucio at once while names keep arriving. Results
 * come out in batch order; memory holds at most `inFlight` batches.
 */

export interface PipelineOptions {
  /** Batch sizes in order; the last repeats (e.g. [100, 1000]). */
  sizes: readonly number[];
  /** Batches being fetched or waiting to be read, at most. */
  inFlight: number;
  /** A non-empty batch is sent after this long even if not full, when names trickle in. */
  maxWaitMs: number;
}

const TIMEOUT = Symbol('timeout');

function timeout(ms: number): { promise: Promise<typeof TIMEOUT>; clear: () => void } {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<typeof TIMEOUT>((resolve) => {
    handle = setTimeout(
      () => {
        resolve(TIMEOUT);
      },
      Math.max(0, ms),
    );
  });
  return {
    promise,
    clear: () => {
      clearTimeout(handle);
    },
  };
}

/**
 * Cuts `source` into batches of the given sizes, cutting early after `maxWaitMs` of waiting. When
 * the source fails, the batch begun is yielded before the error.
 */
export async function* batches<T>(
  source: AsyncIterable<T>,
  sizes: readonly number[],
  maxWaitMs: number,
): AsyncGenerator<T[]> {
  const it = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | undefined;
  let batch: T[] = [];
  let started = 0;
  let index = 0;
  try {
    for (;;) {
      pending ??= it.next();
      let result: IteratorResult<T> | typeof TIMEOUT;
      try {
        if (batch.length === 0) result = await pending;
        else {
          const timer = timeout(started + maxWaitMs - Date.now());
          result = await Promise.race([pending, timer.promise]);
          timer.clear();
        }
      } catch (error) {
        // The source broke: what it gave before still goes out, then the failure.
        pending = undefined;
        if (batch.length > 0) yield batch;
        throw error;
      }
      if (result === TIMEOUT) {
        yield batch;
        batch = [];
        index += 1;
        continue;
      }
      pending = undefined;
      if (result.done) break;
      if (batch.length === 0) started = Date.now();
      batch.push(result.value);
      if (batch.length >= (sizes[Math.min(index, sizes.length - 1)] ?? 1)) {
        yield batch;
        batch = [];
        index += 1;
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    if (pending) {
      // A read is still out (cut by the timer): closing would wait for it; the caller's abort ends it.
      void pending.catch(() => undefined);
      void it.return?.().catch(() => undefined);
    } else await it.return?.();
  }
}

/**
 * Runs `work` on each batch with up to `inFlight` batches outstanding, yielding results in batch
 * order. A failure of the source or of any batch ends the iteration with that error (after the
 * batches before it). At the end, however it comes, `stop` is called: it should abort the
 * requests still running.
 */
export async function* pipelined<T, R>(
  source: AsyncIterable<T[]>,
  work: (batch: T[]) => Promise<R>,
  inFlight: number,
  stop: () => void,
): AsyncGenerator<R> {
  const queue: Promise<R>[] = [];
  // Read through functions: both loops change them while the other one waits.
  const state = {
    finished: false,
    stopped: false,
    failure: undefined as { error: unknown } | undefined,
  };
  const stopped = (): boolean => state.stopped;
  let slotFreed: (() => void) | undefined;
  let wake: (() => void) | undefined;

  const produce = async (): Promise<void> => {
    try {
      for await (const batch of source) {
        if (stopped()) return;
        const result = work(batch);
        void result.catch(() => undefined);
        queue.push(result);
        wake?.();
        while (queue.length >= inFlight && !stopped())
          await new Promise<void>((resolve) => {
            slotFreed = resolve;
          });
        if (stopped()) return;
      }
    } catch (error) {
      state.failure = { error };
    } finally {
      state.finished = true;
      wake?.();
    }
  };
  const producer = produce();

  try {
    for (;;) {
      const head = queue[0];
      if (head) {
        const value = await head;
        void queue.shift();
        slotFreed?.();
        yield value;
        continue;
      }
      if (state.failure) throw state.failure.error;
      if (state.finished) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    state.stopped = true;
    slotFreed?.();
    // Harmless when all is done; otherwise it releases the batches and names still on their way.
    stop();
    await producer;
  }
}
