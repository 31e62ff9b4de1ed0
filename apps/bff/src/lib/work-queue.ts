import { asError } from './shared-runs.ts';

export interface DrainOptions {
  /** Tasks running at once. */
  inFlight: number;
  /** Aborts the running tasks (their signal follows it). */
  signal: AbortSignal;
  /** Asked before each start: false stops starting tasks and drops the rest of the queue. */
  more: () => boolean;
}

/**
 * Runs the tasks of a queue that the tasks themselves may grow, a few at a time, until it is
 * empty. Resolves true when it emptied, false when `more()` stopped it first. The first failure
 * aborts the tasks still running and is thrown.
 */
export async function drainQueue<T>(
  queue: T[],
  options: DrainOptions,
  run: (task: T, signal: AbortSignal) => Promise<void>,
): Promise<boolean> {
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort(options.signal.reason);
  };
  if (options.signal.aborted) stop();
  else options.signal.addEventListener('abort', stop, { once: true });
  let drained = true;
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      let failed = false;
      const pump = (): void => {
        while (!failed && running < options.inFlight && queue.length > 0) {
          if (!options.more()) {
            drained = false;
            queue.length = 0;
            break;
          }
          running += 1;
          run(queue.shift() as T, controller.signal).then(
            () => {
              running -= 1;
              pump();
            },
            (error: unknown) => {
              failed = true;
              controller.abort();
              reject(asError(error));
            },
          );
        }
        if (running === 0 && !failed) resolve();
      };
      pump();
    });
  } finally {
    options.signal.removeEventListener('abort', stop);
  }
  return drained;
}
