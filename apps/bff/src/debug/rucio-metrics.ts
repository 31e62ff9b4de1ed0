import type { RucioPort } from '../rucio-port.ts';

/**
 * How many requests the BFF has sent to Rucio since it started, in total and per client call, so
 * the benchmark can read "upstream requests per search" (GET /debug/metrics, bench mode only).
 * One call is one request, except whoami (a 303 followed by hand: two).
 */
export interface RucioMetrics {
  requests: number;
  byCall: Record<string, number>;
}

export const createRucioMetrics = (): RucioMetrics => ({ requests: 0, byCall: {} });

/** The same port, counting each call. */
export function countRucioCalls<P extends Partial<RucioPort>>(port: P, metrics: RucioMetrics): P {
  return new Proxy(port, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]): unknown => {
        metrics.requests += 1;
        metrics.byCall[key] = (metrics.byCall[key] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
