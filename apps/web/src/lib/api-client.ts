import type { RouteDef } from '@bdms/contract';
import type { z } from 'zod';
import { ApiError, CLIENT_ERROR_CODES, errorFromResponse, networkError } from './api-error.ts';

export { ApiError, isApiError } from './api-error.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface GetOptions {
  /** Values for the route's `:name` segments; each is URL-encoded (DID names contain `/`). */
  params?: Record<string, string>;
  search?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Non-2xx statuses whose body is still the route's response schema (health answers 503 with
   * a Health body). If the body does not fit, it is read as an error body instead.
   */
  acceptStatuses?: readonly number[];
}

export interface SendOptions {
  body?: unknown;
  signal?: AbortSignal;
}

/** `/api/dids/:scope` + { scope: 'a/b' } → `/api/dids/a%2Fb` */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(value);
  });
}

async function send(method: Method, url: string, opts: SendOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
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

async function parseResponse<S extends z.ZodType>(
  res: Response,
  schema: S,
  acceptStatuses: readonly number[] = [],
): Promise<z.output<S>> {
  const body = await readJson(res);
  if (res.ok || acceptStatuses.includes(res.status)) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
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

/** GET a contract route; the body is parsed with the route's own response schema. */
export async function apiGet<D extends RouteDef>(
  route: D,
  opts: GetOptions = {},
): Promise<z.output<D['response']>> {
  if (route.method !== 'get') throw new Error(`${route.path} is not a GET route`);
  const url = withSearch(buildPath(route.path, opts.params), opts.search);
  const res = await send('GET', url, { signal: opts.signal });
  return parseResponse<D['response']>(res, route.response, opts.acceptStatuses);
}

/** A state-changing request (always with `X-CSRF: 1`), its answer parsed with `schema`. */
export async function apiSend<S extends z.ZodType>(
  method: Exclude<Method, 'GET'>,
  path: string,
  schema: S,
  opts: SendOptions = {},
): Promise<z.output<S>> {
  const res = await send(method, path, opts);
  return parseResponse(res, schema);
}
