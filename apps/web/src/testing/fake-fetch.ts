import { vi } from 'vitest';

/** A faked BFF answer: a status and a JSON body (use the factories), or a dropped connection. */
export type FakeReply =
  | {
      status?: number;
      body?: unknown;
      /** A raw body instead of JSON, e.g. NDJSON lines (see ndjsonReply). */
      text?: string;
      headers?: Record<string, string>;
    }
  | 'network-error';
type Handler = FakeReply | (() => FakeReply);

export interface RecordedCall {
  method: string;
  path: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  /** The request body as sent, when it was a string (the api client sends JSON text). */
  body: string | undefined;
}

/**
 * Requests no test planned for, across fakes. The code under test may swallow the rejection
 * (a query shows an error state, a prefetch ignores it), so setup.ts fails the test afterwards.
 */
const unplanned: string[] = [];

/** Throws (and forgets) when a request reached fetch without a planned answer. */
export function assertNoUnplannedRequests(): void {
  const seen = unplanned.splice(0);
  if (seen.length > 0) {
    throw new Error(
      `fetch got requests no test planned for (add them to fakeFetch): ${seen.join(', ')}`,
    );
  }
}

function answer(reply: FakeReply): Promise<Response> {
  if (reply === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
  const body = reply.text ?? (reply.body === undefined ? null : JSON.stringify(reply.body));
  const headers = { 'content-type': 'application/json', ...reply.headers };
  return Promise.resolve(new Response(body, { status: reply.status ?? 200, headers }));
}

/**
 * Answered unless a test plans otherwise: the deployment's settings as the devstack's (no tile
 * server), which every map asks for before it draws.
 */
const DEPLOYMENT: [string, Handler][] = [['GET /api/settings', { body: { mapTiles: null } }]];

/**
 * Stubs global fetch with answers keyed by "METHOD /path" (query string ignored). A request
 * without an answer rejects with an error naming it, and fails the test even if the code under
 * test catches that error (see assertNoUnplannedRequests).
 */
export function fakeFetch(initial: Record<string, Handler> = {}) {
  const handlers = new Map<string, Handler>([...DEPLOYMENT, ...Object.entries(initial)]);
  const calls: RecordedCall[] = [];
  const fetchFn = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = new URL(input instanceof Request ? input.url : String(input), 'http://localhost')
      .pathname;
    calls.push({
      method,
      path,
      headers: new Headers(init.headers),
      credentials: init.credentials,
      body: typeof init.body === 'string' ? init.body : undefined,
    });
    const handler = handlers.get(`${method} ${path}`);
    if (handler === undefined) {
      unplanned.push(`${method} ${path}`);
      return Promise.reject(new Error(`fakeFetch: no answer planned for ${method} ${path}`));
    }
    return answer(typeof handler === 'function' ? handler() : handler);
  });
  vi.stubGlobal('fetch', fetchFn);
  return {
    calls,
    fetch: fetchFn,
    /** Changes an answer mid-test, e.g. Rucio coming back. */
    set(key: string, handler: Handler): void {
      handlers.set(key, handler);
    },
    callsTo: (method: string, path: string) =>
      calls.filter((c) => c.method === method && c.path === path),
  };
}

/** A streamed listing as the BFF sends it: one JSON line per row, then the end trailer. */
export const ndjsonReply = (rows: readonly unknown[]): FakeReply => ({
  text: [...rows, { end: { count: rows.length } }].map((r) => `${JSON.stringify(r)}\n`).join(''),
  headers: { 'content-type': 'application/x-ndjson' },
});
