import {
  QueryClient,
  QueryObserver,
  type QueryKey,
  type QueryObserverOptions,
} from '@tanstack/react-query';
import { vi } from 'vitest';

/**
 * For polling tests under fake timers: a BFF that answers `body` after `delayMs`, counting the
 * requests it gets (the URL asked is the first argument of each call).
 */
export function slowBff(body: unknown, delayMs: number) {
  const fetch = vi.fn(
    (_input: string) =>
      new Promise<Response>((resolve) => {
        setTimeout(() => {
          resolve(
            new Response(JSON.stringify(body), {
              headers: { 'content-type': 'application/json' },
            }),
          );
        }, delayMs);
      }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** Observes a query as a mounted component would (fresh client, no retries); returns the stop. */
export async function watchQuery<T, K extends QueryKey>(
  options: QueryObserverOptions<T, Error, T, T, K>,
): Promise<() => void> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const observer = new QueryObserver(client, options);
  const stop = observer.subscribe(() => undefined);
  await vi.advanceTimersByTimeAsync(0);
  return stop;
}
