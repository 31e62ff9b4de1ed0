import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { ApiError } from './api-error.ts';
import { readNdjsonLines, streamedRowsQueryFn, type StreamedRows } from './ndjson-stream.ts';

const Row = z.object({ name: z.string() });
const route = { method: 'get' as const, path: '/api/x', response: Row };

/** A body that arrives in the given chunks (split anywhere, even inside a line). */
function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

function answer(chunks: string[], status = 200): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(body(chunks), {
          status,
          headers: { 'Content-Type': 'application/x-ndjson', 'X-Request-Id': 'rid' },
        }),
      ),
    ),
  );
}

async function run(batchSize?: number) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const seen: number[] = [];
  const unsubscribe = client.getQueryCache().subscribe(() => {
    const data = client.getQueryData<StreamedRows<{ name: string }>>(['s']);
    if (data && seen.at(-1) !== data.count) seen.push(data.count);
  });
  try {
    const data = await client.query({
      queryKey: ['s'],
      queryFn: streamedRowsQueryFn(route, { batchSize }),
    });
    return { data, seen };
  } finally {
    unsubscribe();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readNdjsonLines', () => {
  it('when lines are split across chunks, then each line is parsed once, whole', async () => {
    const out: unknown[] = [];
    for await (const v of readNdjsonLines(body(['{"a":', '1}\n{"a"', ':2}\n', '{"a":3}'])))
      out.push(v);
    expect(out).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
  });
});

describe('streamedRowsQueryFn', () => {
  it('when rows stream in, then the query fills batch by batch (first row alone) and completes on the trailer', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `{"name":"r${String(i)}"}\n`);
    answer([...rows, '{"end":{"count":7}}\n']);
    const { data, seen } = await run(3);
    expect(data.count).toBe(7);
    expect(data.complete).toBe(true);
    expect(data.batches.map((b) => b.length)).toEqual([1, 3, 3]);
    expect(seen).toEqual([1, 4, 7]); // pending until the first row, then each batch
  });

  it('when the stream ends with an error trailer, then the query fails with that code and message', async () => {
    answer(['{"name":"a"}\n', '{"error":{"code":"rucio_unavailable","message":"gone"}}\n']);
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'rucio_unavailable', message: 'gone' });
  });

  it('when the stream stops without its trailer, then the query fails saying the listing is incomplete', async () => {
    answer(['{"name":"a"}\n']);
    const error = await run().catch((e: unknown) => e);
    expect((error as ApiError).message).toMatch(/incomplete/);
    expect((error as ApiError).requestId).toBe('rid');
  });

  it('when the BFF refuses before streaming, then its JSON error body becomes the ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          Response.json({ error: { code: 'not_found', message: 'no such DID' } }, { status: 404 }),
        ),
      ),
    );
    const error = await run().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'no such DID' });
  });
});
