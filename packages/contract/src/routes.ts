import type { z } from 'zod';
import { Health, Me, ScopeList } from './schemas.ts';

export interface RouteDef<R extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express-style path, e.g. /api/dids/:scope */
  path: string;
  summary: string;
  /** false only for the public routes (health, the OpenAPI document). */
  auth: boolean;
  response: R;
  /** Statuses besides 200 that this route documents (all carry ApiErrorBody). */
  errors: number[];
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
  health: route({
    method: 'get',
    path: '/api/health',
    summary: 'BFF, Rucio and IdP reachability; 503 with the reason when one is down',
    auth: false,
    response: Health,
    errors: [503],
  }),
} as const;

export type Api = typeof api;
export type ApiResponse<K extends keyof Api> = z.infer<Api[K]['response']>;
