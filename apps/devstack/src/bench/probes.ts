/** Client-side timing of one HTTP response, and RSS sampling of a process from /proc. */
import { readFileSync } from 'node:fs';
import { get } from 'node:http';

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

/**
 * Like timeFetch for big bodies, over node:http (a lighter client than fetch's web streams, so
 * the client takes less of the CPU it shares with the servers measured). The body is counted
 * and dropped; `onChunk` sees it when given. A body cut short (an aborted transfer) or a status
 * other than `expect` throws.
 */
export function timeGet(
  url: string,
  headers: Record<string, string>,
  expect = 200,
  onChunk?: (chunk: Buffer) => void,
): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ttfbMs = -1;
    let bytes = 0;
    const req = get(url, { headers }, (res) => {
      const status = res.statusCode ?? 0;
      res.on('data', (chunk: Buffer) => {
        if (ttfbMs < 0) ttfbMs = performance.now() - t0;
        bytes += chunk.length;
        onChunk?.(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        const ttlbMs = performance.now() - t0;
        const length = Number(res.headers['content-length'] ?? bytes);
        if (status !== expect) reject(new Error(`${url}: HTTP ${status}, expected ${expect}`));
        else if (!res.complete || bytes !== length)
          reject(new Error(`${url}: ${bytes} of ${length} bytes (transfer aborted)`));
        else resolve({ ttfbMs: ttfbMs < 0 ? ttlbMs : ttfbMs, ttlbMs, bytes, status });
      });
    });
    req.on('error', reject);
  });
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
