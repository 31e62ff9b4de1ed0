/** Client-side timing of one HTTP response, and RSS sampling of a process from /proc. */
import { execFile } from 'node:child_process';
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

/**
 * The URLs fetched by one curl, one after another on one connection per host, each timed by curl
 * itself (`time_starttransfer`, `time_total`: from the start of that transfer, so curl's own
 * start-up is not counted). The downloads bench's client: on a 2-core machine a Node client spent
 * about 1.5 s of CPU per GiB received (node:http or undici alike), as much as a server it
 * measures, and slowed whichever way it read; curl spends about 0.4-0.8 s, as users' own tools
 * do. A status other than `expect` or a body cut short (curl's exit 18) throws.
 */
export function curlGet(
  urls: readonly string[],
  headers: Record<string, string>,
  expect = 200,
): Promise<Timing[]> {
  const args = ['--silent', '--show-error', '--no-progress-meter'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`);
  const format = '%{http_code} %{size_download} %{time_starttransfer} %{time_total}\\n';
  for (const url of urls) args.push('-o', '/dev/null', '-w', format, url);
  return new Promise((resolve, reject) => {
    execFile('curl', args, { maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`curl ${urls[0] ?? ''}…: ${stderr.trim() || err.message}`));
        return;
      }
      const timings = stdout
        .trim()
        .split('\n')
        .map((line) => {
          const [status, bytes, ttfb, total] = line.split(' ').map(Number);
          return {
            status: status ?? 0,
            bytes: bytes ?? 0,
            ttfbMs: (ttfb ?? 0) * 1000,
            ttlbMs: (total ?? 0) * 1000,
          };
        });
      const wrong = timings.find((t) => t.status !== expect);
      if (timings.length !== urls.length || wrong)
        reject(new Error(`curl: HTTP ${String(wrong?.status)}, expected ${String(expect)}`));
      else resolve(timings);
    });
  });
}

/** One GET by curl (curlGet). */
export async function curlOne(
  url: string,
  headers: Record<string, string>,
  expect = 200,
): Promise<Timing> {
  const [t] = await curlGet([url], headers, expect);
  if (!t) throw new Error(`${url}: curl printed no timing`);
  return t;
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
