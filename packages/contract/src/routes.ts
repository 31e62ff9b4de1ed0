import type { z } from 'zod';
import { DidParams } from './names.ts';
import { errors, INPUT_ERRORS, route, RUCIO_ERRORS, SESSION_ERRORS } from './route-def.ts';
import { didRoutes } from './dids/routes.ts';
import { DidListingRow } from './dids/schemas.ts';
import { savedSearchRoutes } from './saved-searches/routes.ts';
import { searchRoutes } from './search/routes.ts';
import { rseRoutes } from './rses/routes.ts';
import { replicaRoutes } from './replicas/routes.ts';
import { downloadRoutes } from './downloads/routes.ts';
import { linkRoutes } from './links/routes.ts';
import { transferRoutes } from './transfers/routes.ts';
import { ruleRequestRoutes } from './rule-requests/routes.ts';
import { stagingRoutes } from './staging/routes.ts';
import { ruleRoutes } from './rules/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { basketRoutes } from './basket/routes.ts';
import { quotaLimitRoutes } from './quotas/limits.ts';
import { quotaUsageRoutes } from './quotas/usage.ts';
import { LoginQuery, CallbackQuery, Redirect } from './session.ts';
import {
  ChooseAccount,
  Health,
  LogoutResponse,
  Me,
  MyAccounts,
  OpenApiDocument,
  ScopeList,
} from './schemas.ts';

export * from './route-def.ts';

/** The one definition of the BFF's HTTP API. The BFF validates against it; the SPA is typed by it. */
export const api = {
  me: route({
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in user, their groups, Rucio account and admin flag',
    auth: true,
    response: Me,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS),
  }),
  myAccounts: route({
    method: 'get',
    path: '/api/me/accounts',
    summary: 'The Rucio accounts the signed-in identity maps to, and the one Rucio acts as',
    auth: true,
    response: MyAccounts,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS),
  }),
  chooseAccount: route({
    method: 'put',
    path: '/api/me/account',
    summary:
      'Act as another of the identity’s Rucio accounts. 403 when the identity does not map to it; 409 when Rucio does not honour the choice (Rucio 41 acts as the default account for token sign-ins).',
    auth: true,
    body: ChooseAccount,
    response: MyAccounts,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
      403: ['forbidden', 'csrf_rejected'],
      409: ['rucio_refused'],
    }),
  }),
  scopes: route({
    method: 'get',
    path: '/api/scopes',
    summary: 'Scopes, as Rucio lists them for the signed-in user',
    auth: true,
    response: ScopeList,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS),
  }),
  didContents: route({
    method: 'get',
    path: '/api/dids/:scope/:name/contents',
    summary:
      'The content of a dataset or container, streamed as NDJSON (one DidListingRow per line, then a StreamTrailer); child datasets and containers come with their file count and size when Rucio knows them. The name is one URL-encoded path segment.',
    auth: true,
    params: DidParams,
    examples: { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' },
    response: DidListingRow,
    stream: true,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
      409: ['rucio_refused'],
      400: ['rucio_refused'],
    }),
  }),
  ...didRoutes,
  ...searchRoutes,
  ...savedSearchRoutes,
  ...rseRoutes,
  ...replicaRoutes,
  ...downloadRoutes,
  ...linkRoutes,
  ...transferRoutes,
  ...ruleRequestRoutes,
  ...stagingRoutes,
  ...ruleRoutes,
  ...settingsRoutes,
  ...basketRoutes,
  ...quotaLimitRoutes,
  ...quotaUsageRoutes,
  health: route({
    method: 'get',
    path: '/api/health',
    summary:
      'Which parts (BFF, Rucio, IdP) answer; 503 when one does not. Versions, latencies and reasons only for signed-in users.',
    auth: false,
    response: Health,
    errors: { 503: [] },
    bodies: { 503: Health },
  }),
  openapi: route({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    auth: false,
    response: OpenApiDocument,
    errors: {},
  }),
  login: route({
    method: 'get',
    path: '/auth/login',
    summary:
      'Start signing in: a 302 to the IdP with PKCE, state and nonce; the transaction travels in an encrypted cookie. Browsers get failures as a 303 to the portal with ?signInError=<code>.',
    auth: false,
    query: LoginQuery,
    response: Redirect,
    success: 302,
    errors: { 400: ['bad_request'], 429: ['rate_limited'], 503: ['idp_unavailable'] },
  }),
  callback: route({
    method: 'get',
    path: '/auth/callback',
    summary:
      'Where the IdP sends the browser back: checks the transaction, redeems the code, starts the session, 302 to returnTo.',
    auth: false,
    query: CallbackQuery,
    response: Redirect,
    success: 302,
    errors: {
      400: ['login_failed', 'bad_request'],
      429: ['rate_limited'],
      503: ['idp_unavailable', 'session_store_unavailable'],
    },
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
    errors: {
      403: ['csrf_rejected'],
      429: ['rate_limited'],
      503: ['session_store_unavailable'],
    },
  }),
} as const;

export type Api = typeof api;
export type ApiResponse<K extends keyof Api> = z.infer<Api[K]['response']>;
