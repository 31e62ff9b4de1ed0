import type * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';
import { ApiError, CLIENT_ERROR_CODES, errorFromResponse, networkError } from './api-error.ts';

export { ApiError, isApiError } from './api-error.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface GetOptions {
  /** Values for the route's `:name` segments; each is URL-encoded (DID names contain `/`). */
  params?: Record<string, string>;
  search?: Record<string, string>;
  signal?: AbortSignal;
}

export interface SendOptions {
  params?: Record<string, string>;
  /** Query parameters (e.g. a DELETE's confirmation). */
  search?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}

interface RawSendOptions {
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Default application/json; streamed routes ask for application/x-ndjson. */
  accept?: string;
}

/** `/api/dids/:scope` + { scope: 'a/b' } → `/api/dids/a%2Fb` */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(value);
  });
}

async function send(method: Method, url: string, opts: RawSendOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  // The BFF rejects state-changing requests without this header: a cross-site form cannot set it.
  if (method !== 'GET') headers['X-CSRF'] = '1';
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      signal: opts.signal ?? null,
    });
  } catch (error) {
    // An abort is TanStack Query cancelling; it must stay an AbortError, not a "network" failure.
    if (opts.signal?.aborted) throw error;
    throw networkError(error);
  }
}

/** undefined for an empty or non-JSON body; the schema then decides whether that is acceptable. */
async function readJson(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Statuses whose body the contract declares to be the route's own response schema (health
 * answers 503 with a Health body) are data, not errors; if such a body does not fit, it is
 * read as an error body instead.
 */
function answersWithData(route: ClientRoute, status: number): boolean {
  return route.dataStatuses?.includes(status) ?? false;
}

async function parseResponse<D extends ClientRoute>(
  res: Response,
  route: D,
): Promise<z.output<D['response']>> {
  const body = res.status === 204 ? null : await readJson(res); // 204: no body, read as null
  if (res.ok || answersWithData(route, res.status)) {
    const parsed = route.response.safeParse(body);
    if (parsed.success) return parsed.data as z.output<D['response']>;
    if (res.ok) {
      throw new ApiError({
        status: res.status,
        code: CLIENT_ERROR_CODES.invalidResponse,
        message: 'The portal server sent an answer this page does not understand',
        requestId: res.headers.get('x-request-id') ?? undefined,
        details: parsed.error.issues,
      });
    }
  }
  throw errorFromResponse(res, body);
}

function withSearch(path: string, search?: Record<string, string>): string {
  const query = new URLSearchParams(search).toString();
  return query ? `${path}?${query}` : path;
}

/** GET a contract route; the body is parsed with the route's response schema. */
export async function apiGet<D extends ClientRoute>(
  route: D,
  opts: GetOptions = {},
): Promise<z.output<D['response']>> {
  if (route.method !== 'get') throw new Error(`${route.path} is not a GET route`);
  const url = withSearch(buildPath(route.path, opts.params), opts.search);
  const res = await send('GET', url, { signal: opts.signal });
  return parseResponse(res, route);
}

/**
 * GET a streamed (NDJSON) contract route: the open response, its body not yet read. A refusal
 * before the stream starts becomes an ApiError from the error body, as for any other route.
 */
export async function apiOpenStream(route: ClientRoute, opts: GetOptions = {}): Promise<Response> {
  if (route.method !== 'get') throw new Error(`${route.path} is not a GET route`);
  const url = withSearch(buildPath(route.path, opts.params), opts.search);
  const res = await send('GET', url, { signal: opts.signal, accept: 'application/x-ndjson' });
  if (!res.ok || !res.body) throw errorFromResponse(res, await readJson(res));
  return res;
}

/** A state-changing contract route (always with `X-CSRF: 1`), its answer parsed by the contract. */
export async function apiSend<D extends ClientRoute>(
  route: D,
  opts: SendOptions = {},
): Promise<z.output<D['response']>> {
  if (route.method === 'get') throw new Error(`${route.path} is a GET route; use apiGet`);
  const method = route.method.toUpperCase() as Exclude<Method, 'GET'>;
  const res = await send(method, withSearch(buildPath(route.path, opts.params), opts.search), opts);
  return parseResponse(res, route);
}
