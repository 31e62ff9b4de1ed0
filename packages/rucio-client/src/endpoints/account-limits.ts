import { z } from 'zod';
import { RucioLimitBytes } from '../schemas.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

/*
 * Account limits (Rucio 41: under /accounts; the /accountlimits routes are legacy). Rucio keeps an
 * unlimited limit as -1 and answers it as the bare literal `Infinity` here (but as -1 in
 * GET /rses/<rse>/accounts/usage). Permission (root, `admin`, country admins) is Rucio's: a
 * refusal is 401 AccessDenied. Unknown account: 404 on writes, 500 AccountNotFound on reads.
 */

const limitsPath = (account: string, kind: 'local' | 'global') =>
  `/accounts/${encodeURIComponent(account)}/limits/${kind}`;

/** One line of GET /accounts/: every active account. */
export const AccountListDto = z
  .object({
    account: z.string(),
    type: z.string().optional(),
    email: z.string().nullable().optional(),
  })
  .loose();
export type AccountListDto = z.infer<typeof AccountListDto>;

/** GET /accounts/<acc>/limits/global: per expression, its limit and the RSEs it resolves to. */
export const GlobalLimitsDto = z.record(
  z.string(),
  z
    .object({
      resolved_rses: z.array(z.string()).default([]),
      limit: RucioLimitBytes.nullable(),
    })
    .loose(),
);
export type GlobalLimitsDto = z.infer<typeof GlobalLimitsDto>;

/** GET /accounts/<acc>/limits/local[/<rse>]: {RSE: bytes}; an unset one is null (one RSE asked). */
export const LocalLimitsDto = z.record(z.string(), RucioLimitBytes.nullable());
export type LocalLimitsDto = z.infer<typeof LocalLimitsDto>;

/** Bytes as Rucio takes them: -1 is unlimited. */
export type RucioLimitInput = number;

/** GET /accounts/, streamed. */
export const listAccounts =
  (t: Transport) =>
  (auth: AuthOptions): AsyncIterable<AccountListDto> =>
    streamed(t, '/accounts/', AccountListDto, auth);

export const getLocalLimits =
  (t: Transport) =>
  ({ account, rse, ...auth }: AuthOptions & { account: string; rse?: string }) =>
    t.json(
      rse === undefined
        ? limitsPath(account, 'local')
        : `${limitsPath(account, 'local')}/${encodeURIComponent(rse)}`,
      LocalLimitsDto,
      auth,
    );

export const getGlobalLimits =
  (t: Transport) =>
  ({ account, ...auth }: AuthOptions & { account: string }) =>
    t.json(limitsPath(account, 'global'), GlobalLimitsDto, auth);

/** POST /accounts/<acc>/limits/local/<rse> {"bytes": N} (201). */
export const setLocalLimit =
  (t: Transport) =>
  ({
    account,
    rse,
    bytes,
    ...auth
  }: AuthOptions & { account: string; rse: string; bytes: RucioLimitInput }) =>
    t.call(`${limitsPath(account, 'local')}/${encodeURIComponent(rse)}`, {
      ...auth,
      method: 'POST',
      body: { bytes },
    });

/** DELETE /accounts/<acc>/limits/local/<rse> (200, also when there was none). */
export const deleteLocalLimit =
  (t: Transport) =>
  ({ account, rse, ...auth }: AuthOptions & { account: string; rse: string }) =>
    t.call(`${limitsPath(account, 'local')}/${encodeURIComponent(rse)}`, {
      ...auth,
      method: 'DELETE',
    });

/**
 * POST /accounts/<acc>/limits/global/<expr> (201). Rucio stores the expression as given, without
 * resolving it (for root and admins): resolve it first.
 */
export const setGlobalLimit =
  (t: Transport) =>
  ({
    account,
    expression,
    bytes,
    ...auth
  }: AuthOptions & { account: string; expression: string; bytes: RucioLimitInput }) =>
    t.call(`${limitsPath(account, 'global')}/${encodeURIComponent(expression)}`, {
      ...auth,
      method: 'POST',
      body: { bytes },
    });

export const deleteGlobalLimit =
  (t: Transport) =>
  ({ account, expression, ...auth }: AuthOptions & { account: string; expression: string }) =>
    t.call(`${limitsPath(account, 'global')}/${encodeURIComponent(expression)}`, {
      ...auth,
      method: 'DELETE',
    });
