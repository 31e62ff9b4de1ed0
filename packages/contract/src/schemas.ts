import { z } from 'zod';
import { ErrorCode } from './error-codes.ts';

/** Every error the BFF sends has this body. `code` is stable; `message` is for people. */
export const ApiErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode.describe('Stable machine code, e.g. unauthenticated, rucio_unavailable'),
      message: z.string().describe('What went wrong, written for the user'),
      requestId: z.string().optional(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ApiError' });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const Me = z
  .object({
    sub: z.string(),
    username: z.string(),
    name: z.string().optional(),
    email: z.string().optional(),
    groups: z.array(z.string()).describe('WLCG groups asserted by the IdP, leading slash'),
    account: z.string().describe('The Rucio account the token maps to'),
    isAdmin: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const ScopeList = z
  .object({ scopes: z.array(z.string()).describe('Scope names as Rucio lists them, sorted') })
  .meta({ id: 'ScopeList' });
export type ScopeList = z.infer<typeof ScopeList>;

const ComponentHealth = z.object({
  ok: z.boolean(),
  latencyMs: z.number().optional(),
  reason: z.string().optional().describe('Why the component is not ok'),
});

/** Everyone sees which part is down; versions, latencies and reasons only signed-in users. */
export const Health = z
  .object({
    ok: z.boolean(),
    bff: z.object({ ok: z.literal(true), version: z.string().optional() }),
    rucio: ComponentHealth.extend({ version: z.string().optional() }),
    idp: ComponentHealth.extend({ issuer: z.string().optional() }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

/** POST /auth/logout: where the SPA goes next (the IdP's end-session page, or the portal's root). */
export const LogoutResponse = z
  .object({
    redirectTo: z
      .string()
      .min(1)
      .describe('The IdP end-session URL when the IdP advertises one, else the portal root'),
  })
  .meta({ id: 'LogoutResponse' });
export type LogoutResponse = z.infer<typeof LogoutResponse>;

/** The OpenAPI document itself: an object; its shape is OpenAPI 3.1's, not ours to restate. */
export const OpenApiDocument = z.record(z.string(), z.unknown());

/** One DID in a listing (one NDJSON line of a streamed list). */
export const DidSummary = z
  .object({
    scope: z.string(),
    name: z.string(),
    type: z.enum(['FILE', 'DATASET', 'CONTAINER']),
    bytes: z.number().nullable().describe('Size in bytes; null when Rucio does not know it'),
  })
  .meta({ id: 'DidSummary' });
export type DidSummary = z.infer<typeof DidSummary>;

/**
 * The last line of every streamed listing: `end` when Rucio's stream finished (with the count),
 * `error` when it broke after rows were sent. A listing without this line is incomplete.
 */
export const StreamTrailer = z
  .union([
    z.object({ end: z.object({ count: z.number().int().nonnegative() }) }),
    z.object({ error: ApiErrorBody.shape.error }),
  ])
  .meta({ id: 'StreamTrailer' });
export type StreamTrailer = z.infer<typeof StreamTrailer>;

/** The Rucio accounts the signed-in identity maps to, and the one Rucio acts as. */
export const MyAccounts = z
  .object({
    accounts: z.array(z.string()).describe('Every account the identity maps to in Rucio, sorted'),
    active: z.string().describe('The account Rucio acts as for this session'),
  })
  .meta({ id: 'MyAccounts' });
export type MyAccounts = z.infer<typeof MyAccounts>;

export const ChooseAccount = z
  .object({
    account: z.string().regex(/^[a-z0-9_-]{1,25}$/, { message: 'is not a Rucio account name' }),
  })
  .meta({ id: 'ChooseAccount' });
