import type { z } from 'zod';
import type { ErrorCode } from './error-codes.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 416 | 429 | 500 | 502 | 503;

/** Per error status, the codes a route may answer with (the body is ApiErrorBody). */
export type RouteErrors = Partial<Record<ErrorStatus, readonly ErrorCode[]>>;

export interface RouteDef<R extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path, e.g. /api/dids/:scope/:name */
  path: string;
  summary: string;
  /** false only for the public routes (health, the OpenAPI document, sign-in). */
  auth: boolean;
  /** Path parameters, validated by the BFF before the handler runs. */
  params?: z.ZodObject;
  /** An example per path parameter, for the OpenAPI document (and the fuzzer's examples phase). */
  examples?: Record<string, string>;
  /** Query parameters, validated by the BFF before the handler runs. */
  query?: z.ZodObject;
  /** JSON request body, validated by the BFF before the handler runs. */
  body?: z.ZodType;
  /** The success body (for `stream`, one line). */
  response: R;
  /** 200 unless said otherwise (sign-in answers 302 redirects; 204 sends no body). */
  success?: 200 | 201 | 204 | 302;
  /** Every error status the route can give, with the error codes it uses for each. */
  errors: RouteErrors;
  /**
   * NDJSON (application/x-ndjson): `response` is the schema of one line, and the stream ends with
   * a StreamTrailer line. Errors before the first line are ordinary JSON error bodies.
   */
  stream?: true;
  /** For `stream`: the schema of the non-item lines (default StreamTrailer). */
  control?: z.ZodType;
  /**
   * A file download: the success body is sent with one of these media types (chosen by a query
   * parameter) and `Content-Disposition: attachment`; `response` describes it as text.
   */
  download?: readonly string[];
  /** A download that honours `Range`: 206 Partial Content with Content-Range is documented too. */
  ranges?: true;
  /** Error statuses whose body is not ApiErrorBody (health answers 503 with a Health body). */
  bodies?: Partial<Record<number, z.ZodType>>;
}

export const route = <D extends RouteDef>(def: D): D => def;

/** Merges error maps; codes of the same status are united. */
export function errors(...maps: RouteErrors[]): RouteErrors {
  const out: Record<number, ErrorCode[]> = {};
  for (const map of maps)
    for (const [status, codes] of Object.entries(map) as [string, ErrorCode[]][])
      out[Number(status)] = [...new Set([...(out[Number(status)] ?? []), ...codes])];
  return out;
}

/** Any route behind the session: not signed in, session over, session store down. */
export const SESSION_ERRORS: RouteErrors = {
  401: ['unauthenticated', 'session_expired'],
  503: ['session_store_unavailable', 'idp_unavailable'],
};

/** Any route that calls Rucio with the user's token. */
export const RUCIO_ERRORS: RouteErrors = {
  401: ['rucio_rejected_token'],
  502: ['rucio_error'],
  503: ['rucio_unavailable'],
};

/** Routes with path, query or body parameters. */
export const INPUT_ERRORS: RouteErrors = { 400: ['bad_request'] };

/**
 * Routes that send Rucio a DID they were given: bad input, the session, Rucio's failures, and a
 * name the archive's naming rules refuse (Rucio's InvalidObject), answered 400 in Rucio's words.
 */
export const DID_INPUT_ERRORS: RouteErrors = errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
  400: ['rucio_refused'],
});
