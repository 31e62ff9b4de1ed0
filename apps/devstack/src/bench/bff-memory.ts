/**
 * The BFF's memory as the benchmark reads it (bench mode only): the heap settled by forced GCs
 * through `POST /debug/memory`, RSS from /proc once it stops falling, then sampled every 50 ms
 * while a piece of work runs.
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

/**
 * RSS once the BFF is idle: V8 and the allocator give pages back to the system a while after a
 * collection (measured: 181 → 170 → 152 MiB over seconds after a search), so the heap is settled
 * and RSS read until it stops falling, at most `tries` times half a second apart. A higher "idle"
 * would hide the work's growth; this one is the lowest the BFF gets to by itself.
 */
async function idleRss(portalUrl: string, pid: number, tries = 6): Promise<number> {
  let last = rssBytes(pid);
  for (let i = 0; i < tries; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await settle(portalUrl);
    const now = rssBytes(pid);
    if (last - now < 0.5 * MiB) return Math.min(last, now);
    last = now;
  }
  return last;
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
  const idle = await idleRss(portalUrl, pid);
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
