import type { z } from 'zod';
import { DidSummary, Health, LogoutResponse, Me, OpenApiDocument, ScopeList } from './schemas.ts';

export interface RouteDef<R extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express-style path, e.g. /api/dids/:scope */
  path: string;
  summary: string;
  /** false only for the public routes (health, the OpenAPI document). */
  auth: boolean;
  response: R;
  /** Statuses besides 200 that this route documents (they carry ApiErrorBody unless `bodies` says otherwise). */
  errors: number[];
  /**
   * NDJSON (application/x-ndjson): `response` is the schema of one line, and the stream ends with
   * a StreamTrailer line. Errors before the first line are ordinary JSON error bodies.
   */
  stream?: true;
  /** Error statuses whose body is not ApiErrorBody (health answers 503 with a Health body). */
  bodies?: Partial<Record<number, z.ZodType>>;
}

const route = <R extends z.ZodType>(def: RouteDef<R>): RouteDef<R> => def;

/** The one definition of the BFF's JSON API. The BFF validates against it; the SPA is typed by it. */
export const api = {
  me: route({
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in user, their groups, Rucio account and admin flag',
    auth: true,
    response: Me,
    errors: [401, 502],
  }),
  scopes: route({
    method: 'get',
    path: '/api/scopes',
    summary: 'Scopes, as Rucio lists them for the signed-in user',
    auth: true,
    response: ScopeList,
    errors: [401, 502, 503],
  }),
  didContents: route({
    method: 'get',
    path: '/api/dids/:scope/:name/contents',
    summary:
      'The content of a dataset or container, streamed as NDJSON (one DidSummary per line, then a StreamTrailer). The name is one URL-encoded path segment.',
    auth: true,
    response: DidSummary,
    stream: true,
    errors: [401, 404, 502, 503],
  }),
  health: route({
    method: 'get',
    path: '/api/health',
    summary: 'BFF, Rucio and IdP reachability; 503 with the reason when one is down',
    auth: false,
    response: Health,
    errors: [503],
    bodies: { 503: Health },
  }),
  openapi: route({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    auth: false,
    response: OpenApiDocument,
    errors: [],
  }),
  /**
   * Needs X-CSRF: 1 (and a same-origin Origin). Revokes the refresh token, ends the session and
   * clears the cookie; answers 200 even without a session, so a double click is harmless.
   */
  logout: route({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: revoke the refresh token, end the session; tells the SPA where to go next',
    auth: false,
    response: LogoutResponse,
    errors: [403],
  }),
} as const;

export type Api = typeof api;
export type ApiResponse<K extends keyof Api> = z.infer<Api[K]['response']>;
