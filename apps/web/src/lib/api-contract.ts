/**
 * The SPA's runtime copy of the @bdms/contract routes it calls.
 *
 * Why not the contract's own schemas: they are zod "classic" schemas, and each classic schema
 * carries every zod method, so importing a single value from @bdms/contract ships all of zod
 * (~25 kB gzipped, an eighth of a page's budget). The SPA therefore imports only *types* from
 * the contract (`import type`, erased at build; lint forbids value imports outside tests) and
 * checks responses with these zod/mini twins, which tree-shake to a few kB.
 *
 * The contract stays the one source of truth: api-contract.test.ts fails when a twin's JSON
 * Schema, its type, or a route's method, path or data statuses differ from the contract's. When
 * the contract changes a response, that test names what to mirror here.
 */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';

export interface ClientRoute<R extends z.ZodMiniType = z.ZodMiniType> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path, e.g. /api/dids/:scope */
  path: string;
  response: R;
  /** Error statuses whose body is `response` (health answers 503 with a Health body). */
  dataStatuses?: readonly number[];
}

/**
 * The error body every BFF error carries. Deliberately looser than the contract on `code` (any
 * string, not the enum): a BFF one release ahead may send a code this build does not know, and
 * its message must still reach the user.
 */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.optional(z.string()),
    details: z.optional(z.unknown()),
  }),
});

export const Me = z.object({
  sub: z.string(),
  username: z.string(),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  groups: z.array(z.string()),
  account: z.string(),
  isAdmin: z.boolean(),
});

export const MyAccounts = z.object({ accounts: z.array(z.string()), active: z.string() });

export const ScopeList = z.object({ scopes: z.array(z.string()) });

// Spelled out rather than z.extend: every zod/mini function used anywhere lands on every page's
// first load, and /scopes must stay under 170 kB.
const componentHealth = () => ({
  ok: z.boolean(),
  latencyMs: z.optional(z.number()),
  reason: z.optional(z.string()),
});

export const Health = z.object({
  ok: z.boolean(),
  bff: z.object({ ok: z.literal(true), version: z.optional(z.string()) }),
  rucio: z.object({ ...componentHealth(), version: z.optional(z.string()) }),
  idp: z.object({ ...componentHealth(), issuer: z.optional(z.string()) }),
});

export const LogoutResponse = z.object({ redirectTo: z.string().check(z.minLength(1)) });

/** Keyed like the contract's `api`; a route the SPA does not call needs no entry. */
export const api = {
  me: { method: 'get', path: '/api/me', response: Me },
  myAccounts: { method: 'get', path: '/api/me/accounts', response: MyAccounts },
  chooseAccount: { method: 'put', path: '/api/me/account', response: MyAccounts },
  scopes: { method: 'get', path: '/api/scopes', response: ScopeList },
  health: { method: 'get', path: '/api/health', response: Health, dataStatuses: [503] },
  logout: { method: 'post', path: '/auth/logout', response: LogoutResponse },
} as const satisfies { [K in keyof Api]?: ClientRoute };
