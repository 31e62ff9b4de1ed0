import { RucioError } from '@bdms/rucio-client';

/**
 * Rucio 41 stores each JWT on its first use; several requests carrying the same brand-new token
 * at once race on that insert and all but one get 401 CannotAuthenticate. A search sends one
 * request per scope at once, often right after sign-in or a refresh, so a scope could fail
 * while its neighbours succeed. A 401 before the listing's first line is therefore retried once,
 * after a short pause; a 401 after rows began, or a second one, is real and passes through.
 */
export async function* retryFirstUse401<T>(
  open: () => AsyncIterable<T>,
  signal: AbortSignal,
  pauseMs = 100,
): AsyncGenerator<T> {
  let started = false;
  try {
    for await (const item of open()) {
      started = true;
      yield item;
    }
  } catch (error) {
    if (started || !(error instanceof RucioError && error.status === 401) || signal.aborted)
      throw error;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    yield* open();
  }
}
