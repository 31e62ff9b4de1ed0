/** Client-side timing of one HTTP response, and RSS sampling of a process from /proc. */
import { readFileSync } from 'node:fs';

export interface Timing {
  ttfbMs: number;
  ttlbMs: number;
  bytes: number;
  status: number;
}

/** Time to the first body byte and to the last, as the client sees them. */
export async function timeFetch(url: string, headers: Record<string, string>): Promise<Timing> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const reader = (res.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (!reader) throw new Error(`${url}: no body`);
  let ttfbMs = -1;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (ttfbMs < 0) ttfbMs = performance.now() - t0;
    bytes += value.byteLength;
  }
  const ttlbMs = performance.now() - t0;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return { ttfbMs: ttfbMs < 0 ? ttlbMs : ttfbMs, ttlbMs, bytes, status: res.status };
}

export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}

/** Samples RSS every `everyMs` until stopped; returns the samples in bytes. */
export function sampleRss(pid: number, everyMs = 50): { stop: () => number[] } {
  const samples: number[] = [rssBytes(pid)];
  const timer = setInterval(() => {
    try {
      samples.push(rssBytes(pid));
    } catch {
      /* process gone: the caller sees fewer samples */
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}
