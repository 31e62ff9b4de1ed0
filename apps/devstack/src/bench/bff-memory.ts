/**
 * The BFF's memory as the benchmark reads it (bench mode only): the heap settled by forced GCs
 * through `POST /debug/memory`, RSS from /proc sampled every 50 ms while a piece of work runs.
 */
import { rssBytes, sampleRss } from './probes.ts';

export const MiB = 1024 * 1024;

export interface MemoryProbe {
  gc: boolean;
  rss: number;
  heapUsed: number;
}

/** Settles the BFF's heap (bench mode: --expose-gc) and reads its memory. */
export async function settle(portalUrl: string): Promise<MemoryProbe> {
  const res = await fetch(`${portalUrl}/debug/memory`, {
    method: 'POST',
    headers: { 'x-csrf': '1', origin: new URL(portalUrl).origin },
  });
  if (!res.ok)
    throw new Error(`POST /debug/memory: HTTP ${res.status} (is the BFF in bench mode?)`);
  const probe = (await res.json()) as MemoryProbe;
  if (!probe.gc) throw new Error('the BFF runs without --expose-gc: memory figures would be noise');
  return probe;
}

export interface MemoryUse<T> {
  result: T;
  /** RSS before the work, heap settled (bytes). */
  idle: number;
  /** Highest RSS sampled while the work ran (bytes). */
  peak: number;
  /** Live heap after the work (settled) minus before (bytes). */
  retained: number;
}

/** Runs `work` with the BFF settled before and after, sampling its RSS meanwhile. */
export async function measureMemory<T>(
  portalUrl: string,
  pid: number,
  work: () => Promise<T>,
): Promise<MemoryUse<T>> {
  const before = await settle(portalUrl);
  const idle = rssBytes(pid);
  const sampler = sampleRss(pid);
  let samples: number[] = [];
  const result = await work().finally(() => {
    samples = sampler.stop();
  });
  const peak = Math.max(...samples, rssBytes(pid));
  const after = await settle(portalUrl);
  return { result, idle, peak, retained: after.heapUsed - before.heapUsed };
}

/** The count of requests the BFF has sent to Rucio since it started (bench mode). */
export async function upstreamRequests(portalUrl: string): Promise<number> {
  const res = await fetch(`${portalUrl}/debug/metrics`);
  if (!res.ok) throw new Error(`GET /debug/metrics: HTTP ${res.status}`);
  const body = (await res.json()) as { rucio: { requests: number } };
  return body.rucio.requests;
}
