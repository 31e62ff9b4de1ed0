/** express-session and its stores speak Node callbacks; these turn them into promises. */
const toError = (err: unknown): Error =>
  err instanceof Error ? err : new Error(typeof err === 'string' ? err : 'session store error');

export const fromCallback = (run: (cb: (err?: unknown) => void) => void): Promise<void> =>
  new Promise((resolve, reject) => {
    run((err) => {
      if (err) reject(toError(err));
      else resolve();
    });
  });

export const fromValueCallback = <T>(
  run: (cb: (err: unknown, value?: T | null) => void) => void,
): Promise<T | undefined> =>
  new Promise((resolve, reject) => {
    run((err, value) => {
      if (err) reject(toError(err));
      else resolve(value ?? undefined);
    });
  });
