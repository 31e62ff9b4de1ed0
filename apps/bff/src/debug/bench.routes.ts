import { Router } from 'express';

/**
 * The benchmark's memory probe, mounted only with BENCH_ROUTES=1 (refused in production by the
 * config). `POST /debug/memory` settles the heap first when Node runs with --expose-gc (twice:
 * the first pass can leave work for the second), then answers process.memoryUsage(), so "idle"
 * and "retained after a listing" mean the live heap, not what V8 has not collected yet.
 */
export function benchRoutes(): Router {
  const router = Router();
  router.post('/debug/memory', (_req, res) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    res.json({ gc: gc !== undefined, ...process.memoryUsage() });
  });
  return router;
}
