import { Router } from 'express';
import type { RucioMetrics } from './rucio-metrics.ts';

/**
 * The benchmark's memory probe, mounted only with BENCH_ROUTES=1 (refused in production by the
 * config). `POST /debug/memory` settles the heap first when Node runs with --expose-gc (twice:
 * the first pass can leave work for the second), then answers process.memoryUsage(), so "idle"
 * and "retained after a listing" mean the live heap, not what V8 has not collected yet.
 * `GET /debug/metrics` answers the count of requests sent to Rucio (total and per client call),
 * read before and after a search for "upstream requests per search".
 */
export function benchRoutes(metrics?: RucioMetrics): Router {
  const router = Router();
  router.post('/debug/memory', (_req, res) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    res.json({ gc: gc !== undefined, ...process.memoryUsage() });
  });
  router.get('/debug/metrics', (_req, res) => {
    res.json({ rucio: metrics ?? { requests: 0, byCall: {} } });
  });
  return router;
}
