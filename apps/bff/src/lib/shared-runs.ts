/*
 * One computation per key for everyone who asks while it runs. Each caller waits with its own
 * AbortSignal and may leave early (its client went away): it is answered with the abort at once,
 * and the computation goes on for the others. When the last caller has left, the computation's
 * own signal aborts, so its upstream calls stop too.
 */

/** A rejection reason as an Error (an abort's reason is a DOMException, which is one). */
export const asError = (reason: unknown): Error =>
  reason instanceof Error ? reason : new Error(String(reason));

interface Run {
  controller: AbortController;
  waiting: number;
  done: Promise<unknown>;
}

export function createSharedRuns() {
  const runs = new Map<string, Run>();

  function start(key: string, work: (signal: AbortSignal) => Promise<unknown>): Run {
    const controller = new AbortController();
    const run: Run = { controller, waiting: 0, done: Promise.resolve() };
    run.done = (async () => work(controller.signal))().finally(() => {
      if (runs.get(key) === run) runs.delete(key);
    });
    runs.set(key, run);
    return run;
  }

  return {
    /** The result of the run under `key`, started with `work` unless one is already running. */
    join<T>(
      key: string,
      signal: AbortSignal,
      work: (signal: AbortSignal) => Promise<T>,
    ): Promise<T> {
      if (signal.aborted) return Promise.reject(asError(signal.reason));
      const existing = runs.get(key);
      // A run everyone has left is finishing with its abort: a newcomer starts afresh.
      const run = existing && !existing.controller.signal.aborted ? existing : start(key, work);
      run.waiting += 1;
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        const settle = (): boolean => {
          if (settled) return false;
          settled = true;
          signal.removeEventListener('abort', leave);
          run.waiting -= 1;
          return true;
        };
        function leave(): void {
          if (!settle()) return;
          if (run.waiting === 0) run.controller.abort(signal.reason);
          reject(asError(signal.reason));
        }
        signal.addEventListener('abort', leave, { once: true });
        run.done.then(
          (value) => {
            if (settle()) resolve(value as T);
          },
          (error: unknown) => {
            if (settle()) reject(asError(error));
          },
        );
      });
    },
    /** Runs in progress (for tests). */
    running: (): number => runs.size,
  };
}

export type SharedRuns = ReturnType<typeof createSharedRuns>;
