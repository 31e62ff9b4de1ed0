import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRucioClient } from '../src/index.ts';

/** A response recorded from the real Rucio by scripts/record-fixtures.ts. */
export interface Recording {
  request: { method: string; path: string; accept: string | null };
  response: { status: number; headers: Record<string, string>; body: string };
}

const dir = path.join(import.meta.dirname, 'fixtures/recorded');

export const loadRecording = (name: string): Recording =>
  JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Recording;

interface Did {
  scope: string;
  name: string;
}

/** The DIDs the recordings are about: a dataset, its first file and parent, a partly replicated one. */
export interface RecordedMeta {
  dataset: Did;
  file: Did & { adler32: string; md5: string; bytes: number };
  container: Did;
  partial: Did;
  partialFile: Did & { adler32: string; md5: string; bytes: number };
}

export const recordedMeta = (): RecordedMeta =>
  JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as RecordedMeta;

export interface SeenRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The JSON body sent, as text (undefined for none). */
  body?: string;
}

/**
 * A fetch that answers from recordings, matched on method + path, and remembers what it was sent.
 * `chunkSize` splits the body into small chunks to exercise the NDJSON line reassembly.
 */
export function replayFetch(recordings: Recording[], options: { chunkSize?: number } = {}) {
  const seen: SeenRequest[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    const method = init?.method ?? 'GET';
    const sent = typeof init?.body === 'string' ? init.body : undefined;
    seen.push({ url: url.href, method, headers: new Headers(init?.headers), body: sent });
    const rec = recordings.find(
      (r) => r.request.method === method && r.request.path === url.pathname + url.search,
    );
    if (!rec)
      return Promise.reject(
        new TypeError(`no recording for ${method} ${url.pathname}${url.search}`),
      );
    const bytes = new TextEncoder().encode(rec.response.body);
    const size = options.chunkSize ?? (bytes.length || 1);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
        controller.close();
      },
    });
    const nullBody = [204, 205, 304].includes(rec.response.status) || rec.response.status < 200;
    return Promise.resolve(
      new Response(nullBody ? null : body, {
        status: rec.response.status,
        headers: rec.response.headers,
      }),
    );
  };
  return { fetch: fetch, seen };
}

/**
 * A real client over the recordings named: what it asked (`seen`) and the JSON bodies it sent
 * (`bodies`), for the tests that check both.
 */
export function replayClient(names: string[], chunkSize?: number) {
  const replay = replayFetch(names.map(loadRecording), { chunkSize });
  const bodies: unknown[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    if (typeof init?.body === 'string') bodies.push(JSON.parse(init.body));
    return replay.fetch(input, init);
  };
  return {
    rucio: createRucioClient({ baseUrl: 'http://rucio.test', userAgent: 'test', fetch }),
    seen: replay.seen,
    bodies,
  };
}

/** Every item of a stream, in order. */
export async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}
export { startDemoTransfer, type DemoTransfer } from './demo-transfer.ts';
export {
  asRoot,
  freshDataset,
  freshFiles,
  freshRun,
  FRESH_SCOPE,
  type FreshFile,
} from './fresh-data.ts';
