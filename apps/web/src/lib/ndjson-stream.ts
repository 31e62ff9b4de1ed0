/**
 * Streamed listings from the BFF (NDJSON: one row per line, then a trailer `{"end":{"count"}}`
 * or `{"error":{…}}`), read as they arrive and folded into TanStack Query state in batches, so
 * a 100 000-row listing shows its first rows at once and never re-copies the whole list per row.
 */
import { experimental_streamedQuery as streamedQuery } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import { apiOpenStream, type GetOptions } from './api-client.ts';
import type { ClientRoute } from './api-contract.ts';
import { ApiError, CLIENT_ERROR_CODES } from './api-error.ts';

/** What a streamed query holds: rows in arrival batches, and whether the trailer arrived. */
export interface StreamedRows<T> {
  batches: readonly (readonly T[])[];
  count: number;
  complete: boolean;
}

export const emptyStream = <T>(): StreamedRows<T> => ({ batches: [], count: 0, complete: false });

interface Trailer {
  end?: { count: number };
  error?: { code: string; message: string; requestId?: string };
}

const isTrailer = (v: unknown): v is Trailer =>
  typeof v === 'object' &&
  v !== null &&
  ('end' in v || 'error' in v) &&
  Object.keys(v).length === 1;

/** Parsed lines of an NDJSON body, yielded as bytes arrive. */
export async function* readNdjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) yield JSON.parse(line) as unknown;
    }
    buffered += decoder.decode();
    if (buffered.trim()) yield JSON.parse(buffered) as unknown;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

export interface StreamBatch<T> {
  rows: T[];
  /** Set on the last batch, from the trailer. */
  end?: number;
}

/**
 * Opens a streamed route and yields its rows, validated by the route's row schema, in batches
 * (the first row alone, then up to `batchSize`). An error before the stream is an ApiError from
 * the body; a stream that breaks or ends without its trailer throws an ApiError saying the
 * listing is incomplete.
 */
export async function* fetchRowBatches<T>(
  route: ClientRoute<z.ZodMiniType<T>>,
  options: GetOptions & { signal: AbortSignal; batchSize?: number },
): AsyncGenerator<StreamBatch<T>> {
  const res = await apiOpenStream(route, options);
  const size = options.batchSize ?? 500;
  let batch: T[] = [];
  let sent = 0;
  for await (const line of readNdjsonLines(res.body as ReadableStream<Uint8Array>)) {
    if (isTrailer(line)) {
      if (line.error) throw new ApiError({ status: 200, ...line.error });
      yield { rows: batch, end: line.end?.count ?? sent + batch.length };
      return;
    }
    const parsed = route.response.safeParse(line);
    if (!parsed.success) throw incomplete(res, 'a row the page does not understand');
    batch.push(parsed.data);
    if (sent === 0 || batch.length >= size) {
      sent += batch.length;
      yield { rows: batch };
      batch = [];
    }
  }
  throw incomplete(res, 'the stream ended without its closing line');
}

const incomplete = (res: Response, why: string): ApiError =>
  new ApiError({
    status: res.status,
    code: CLIENT_ERROR_CODES.invalidResponse,
    message: `The listing is incomplete: ${why}.`,
    requestId: res.headers.get('x-request-id') ?? undefined,
  });

/** A TanStack Query `queryFn` that fills StreamedRows batch by batch while the stream runs. */
export const streamedRowsQueryFn = <T>(
  route: ClientRoute<z.ZodMiniType<T>>,
  options: Omit<GetOptions, 'signal'> & { batchSize?: number } = {},
) =>
  streamedQuery<StreamBatch<T>, StreamedRows<T>>({
    streamFn: ({ signal }) => fetchRowBatches(route, { ...options, signal }),
    initialValue: emptyStream<T>(),
    reducer: (acc, batch) => ({
      batches: batch.rows.length ? [...acc.batches, batch.rows] : acc.batches,
      count: acc.count + batch.rows.length,
      complete: batch.end !== undefined,
    }),
  });
