import { vi } from 'vitest';

/** A faked BFF answer: a status and a JSON body (use the factories), or a dropped connection. */
export type FakeReply =
  { status?: number; body?: unknown; headers?: Record<string, string> } | 'network-error';
type Handler = FakeReply | (() => FakeReply);

export interface RecordedCall {
  method: string;
  path: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
}

/**
 * Stubs global fetch with answers keyed by "METHOD /path" (query string ignored). Unknown
 * routes fail loudly with a 599 so a test never silently depends on an unplanned request.
 */
export function fakeFetch(initial: Record<string, Handler> = {}) {
  const handlers = new Map<string, Handler>(Object.entries(initial));
  const calls: RecordedCall[] = [];
  const fetchFn = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = new URL(input instanceof Request ? input.url : String(input), 'http://localhost')
      .pathname;
    calls.push({ method, path, headers: new Headers(init.headers), credentials: init.credentials });
    const handler = handlers.get(`${method} ${path}`);
    const reply = typeof handler === 'function' ? handler() : handler;
    if (reply === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    if (!reply)
      return Promise.resolve(new Response(`no fake for ${method} ${path}`, { status: 599 }));
    const body = reply.body === undefined ? null : JSON.stringify(reply.body);
    const headers = { 'content-type': 'application/json', ...reply.headers };
    return Promise.resolve(new Response(body, { status: reply.status ?? 200, headers }));
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
