/**
 * Client-side timing of NDJSON answers, line by line: time to first byte, to the n-th result row
 * and to the last byte, as the benchmark's client sees them. Used for searches through the BFF and
 * for the direct client that makes the same Rucio calls (direct-search.ts).
 */

export interface LineTiming {
  ttfbMs: number;
  /** When the `firstRows`-th result row arrived (-1: never). */
  firstRowsMs: number;
  ttlbMs: number;
  rows: number;
  bytes: number;
  /** The BFF's trailer (`{"end":…}` or `{"error":…}`), when there is one. */
  trailer?: Record<string, unknown>;
}

/** The lines of a byte stream, decoded as UTF-8, without the newline; empty lines skipped. */
export async function* textLines(
  body: ReadableStream<Uint8Array>,
  onChunk: (bytes: number) => void = () => undefined,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk(value.byteLength);
      rest += decoder.decode(value, { stream: true });
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) if (line) yield line;
    }
    rest += decoder.decode();
    if (rest) yield rest;
  } finally {
    reader.releaseLock();
  }
}

const CONTROL = ['progress', 'end', 'error'];

/**
 * GET `url` (POST `body` as JSON, when given) and read it line by line. NDJSON: each line is
 * parsed (as any client of the search must), a JSON object with a single control key is a control
 * line, anything else a result row. Text (CSV): every line counts.
 */
export async function timeLines(
  url: string,
  headers: Record<string, string>,
  {
    firstRows = 100,
    ndjson = true,
    body,
  }: { firstRows?: number; ndjson?: boolean; body?: unknown } = {},
): Promise<LineTiming> {
  const t0 = performance.now();
  const init =
    body === undefined
      ? { headers }
      : {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        };
  const res = await fetch(url, init);
  if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  let ttfbMs = -1;
  let bytes = 0;
  let rows = 0;
  let firstRowsMs = -1;
  let trailer: Record<string, unknown> | undefined;
  const onChunk = (n: number): void => {
    if (ttfbMs < 0) ttfbMs = performance.now() - t0;
    bytes += n;
  };
  for await (const line of textLines(res.body, onChunk)) {
    if (!ndjson) {
      rows += 1;
      continue;
    }
    const value = JSON.parse(line) as unknown;
    const keys = value && typeof value === 'object' ? Object.keys(value) : [];
    if (keys.length === 1 && CONTROL.includes(keys[0] ?? '')) {
      if (keys[0] !== 'progress') trailer = value as Record<string, unknown>;
      continue;
    }
    rows += 1;
    if (rows === firstRows) firstRowsMs = performance.now() - t0;
  }
  const ttlbMs = performance.now() - t0;
  return { ttfbMs: ttfbMs < 0 ? ttlbMs : ttfbMs, firstRowsMs, ttlbMs, rows, bytes, trailer };
}
