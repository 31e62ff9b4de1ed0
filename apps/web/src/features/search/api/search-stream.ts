import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import { apiOpenStream } from '@/lib/api-client.ts';
import { searchApi, SearchRow } from '@/lib/api-contract-search.ts';
import { ApiError, CLIENT_ERROR_CODES } from '@/lib/api-error.ts';
import { readNdjsonLines } from '@/lib/ndjson-stream.ts';
import { queryKeys } from '@/lib/query-keys.ts';
import { addToFacets, type FacetCounts } from '../utils/facets.ts';
import { markingFirstChunk, markSearchEnd, markSearchStart } from '../utils/search-marks.ts';
import { toQueryParam } from '../utils/url-query.ts';

/*
 * GET /api/search streams NDJSON: result rows, optional `{"progress": {…}}` lines, then
 * `{"end": {count, capped?}}` or `{"error": {…}}`. Rows reach the page in batches (the first row
 * alone, then every ~100 ms or 2 000 rows), so 100 000 rows cost a few hundred state updates.
 */

/** How far the search is (the contract's SearchProgress). */
export interface SearchProgress {
  matched: number;
  sent: number;
  scopesDone: readonly string[];
}

/** The trailer of a complete (or capped) result (the contract's SearchEnd). */
export interface SearchEnd {
  count: number;
  matched?: number;
  capped?: true;
  cap?: number;
}

interface Chunk {
  rows: SearchRow[];
  progress?: SearchProgress;
  end?: SearchEnd;
}

export interface SearchResult {
  batches: readonly (readonly SearchRow[])[];
  count: number;
  progress?: SearchProgress;
  /** Set only by the trailer: a result without it is incomplete. */
  end?: SearchEnd;
  facets: FacetCounts;
}

export const emptyResult = (): SearchResult => ({ batches: [], count: 0, facets: {} });

const MAX_BATCH = 2000;
const BATCH_MS = 100;

type Control =
  | { kind: 'end'; end: SearchEnd }
  | { kind: 'error'; error: { code: string; message: string; requestId?: string } }
  | { kind: 'progress'; progress: SearchProgress };

/** A control line has exactly one key: end, error or progress. */
function controlOf(line: unknown): Control | undefined {
  if (typeof line !== 'object' || line === null) return undefined;
  const keys = Object.keys(line);
  if (keys.length !== 1) return undefined;
  const record = line as Record<string, unknown>;
  if (record.end && typeof record.end === 'object') {
    const end = record.end as Record<string, unknown>;
    const number = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const matched = number(end.matched);
    const cap = number(end.cap);
    return {
      kind: 'end',
      end: {
        count: number(end.count) ?? 0,
        ...(matched !== undefined && { matched }),
        ...(end.capped === true && { capped: true as const }),
        ...(cap !== undefined && { cap }),
      },
    };
  }
  if (record.error && typeof record.error === 'object') {
    const e = record.error as { code?: unknown; message?: unknown; requestId?: unknown };
    return {
      kind: 'error',
      error: {
        code: typeof e.code === 'string' ? e.code : 'stream_error',
        message: typeof e.message === 'string' ? e.message : 'The search failed.',
        ...(typeof e.requestId === 'string' && { requestId: e.requestId }),
      },
    };
  }
  if (record.progress && typeof record.progress === 'object') {
    const p = record.progress as Record<string, unknown>;
    return {
      kind: 'progress',
      progress: {
        matched: typeof p.matched === 'number' ? p.matched : 0,
        sent: typeof p.sent === 'number' ? p.sent : 0,
        scopesDone: Array.isArray(p.scopesDone) ? p.scopesDone.map(String) : [],
      },
    };
  }
  return undefined;
}

const incomplete = (res: Response, why: string): ApiError =>
  new ApiError({
    status: res.status,
    code: CLIENT_ERROR_CODES.invalidResponse,
    message: `The result is incomplete: ${why}.`,
    requestId: res.headers.get('x-request-id') ?? undefined,
  });

const TICK = Symbol('tick');

/** The next line, or TICK when none came within `ms` (so buffered rows are not held back). */
function nextOrTick<T>(pending: Promise<T>, ms: number): Promise<T | typeof TICK> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = new Promise<typeof TICK>((resolve) => {
    timer = setTimeout(() => {
      resolve(TICK);
    }, ms);
  });
  return Promise.race([pending, tick]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * The search's rows in batches: the first row alone, then whatever arrived in the last ~100 ms
 * (at most 2 000 rows), flushed as soon as the stream pauses. Throws when the stream fails or
 * ends without its trailer, after yielding the rows it did send.
 */
export async function* searchChunks(
  query: SearchQuery,
  signal: AbortSignal,
): AsyncGenerator<Chunk> {
  markSearchStart();
  const res = await apiOpenStream(searchApi.search, { search: { q: toQueryParam(query) }, signal });
  const lines = readNdjsonLines(markingFirstChunk(res.body as ReadableStream<Uint8Array>));
  let rows: SearchRow[] = [];
  let first = true;
  let last = Date.now();
  let pending = lines.next();
  try {
    for (;;) {
      const wait = rows.length === 0 ? undefined : Math.max(0, BATCH_MS - (Date.now() - last));
      const next = wait === undefined ? await pending : await nextOrTick(pending, wait);
      if (next === TICK || (next.done && rows.length > 0)) {
        yield { rows };
        rows = [];
        last = Date.now();
        continue;
      }
      if (next.done) throw incomplete(res, 'the stream ended without its closing line');
      pending = lines.next();
      const control = controlOf(next.value);
      if (control?.kind === 'end') {
        markSearchEnd();
        yield { rows, end: control.end };
        return;
      }
      if (control?.kind === 'error') {
        if (rows.length > 0) yield { rows };
        throw new ApiError({ status: res.status, ...control.error });
      }
      if (control?.kind === 'progress') {
        yield { rows, progress: control.progress };
        rows = [];
        last = Date.now();
        continue;
      }
      const parsed = SearchRow.safeParse(next.value);
      if (!parsed.success) throw incomplete(res, 'a row the page does not understand');
      rows.push(parsed.data);
      if (first || rows.length >= MAX_BATCH) {
        first = false;
        yield { rows };
        rows = [];
        last = Date.now();
      }
    }
  } finally {
    // Releases the body (and so the BFF's upstream requests) when the search stops early.
    pending.catch(() => undefined);
    void lines.return(undefined).catch(() => undefined);
  }
}

function reduce(acc: SearchResult, chunk: Chunk): SearchResult {
  const next: SearchResult = {
    ...acc,
    batches: chunk.rows.length > 0 ? [...acc.batches, chunk.rows] : acc.batches,
    count: acc.count + chunk.rows.length,
    facets: chunk.rows.length > 0 ? addToFacets(acc.facets, chunk.rows) : acc.facets,
  };
  if (chunk.progress) next.progress = chunk.progress;
  if (chunk.end) next.end = chunk.end;
  return next;
}

/**
 * One search's streamed result. Never refetched behind the user's back (a search can be 100 000
 * rows): no retry, no refetch on focus; a new search is a new URL and so a new key.
 */
export const searchQueryOptions = (query: SearchQuery) =>
  queryOptions({
    queryKey: queryKeys.search.results(toQueryParam(query)),
    queryFn: streamedQuery<Chunk, SearchResult>({
      streamFn: ({ signal }) => searchChunks(query, signal),
      initialValue: emptyResult(),
      reducer: reduce,
    }),
    retry: false,
    staleTime: Infinity,
    gcTime: 120_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
