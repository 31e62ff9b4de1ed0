import { z } from 'zod';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

const accountPath = (account: string) => `/accounts/${encodeURIComponent(account)}`;

/**
 * One line of GET /accounts/<acc>/usage/local: the account's usage and local limit on one RSE (the
 * RSEs where it has a limit or uses space). `bytes_limit` is Infinity for an unlimited one.
 */
export const LocalUsageDto = z
  .object({
    rse: z.string(),
    bytes: z.number().nullable().optional(),
    files: z.number().nullable().optional(),
    bytes_limit: z.number().nullable().optional(),
    bytes_remaining: z.number().nullable().optional(),
  })
  .loose();
export type LocalUsageDto = z.infer<typeof LocalUsageDto>;

/** One line of GET /accounts/<acc>/usage/global: usage and limit over one RSE expression. */
export const GlobalUsageDto = z
  .object({
    rse_expression: z.string(),
    bytes: z.number().nullable().optional(),
    files: z.number().nullable().optional(),
    bytes_limit: z.number().nullable().optional(),
    bytes_remaining: z.number().nullable().optional(),
  })
  .loose();
export type GlobalUsageDto = z.infer<typeof GlobalUsageDto>;

export const AccountAttributeDto = z
  .object({ key: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) })
  .loose();

export const listLocalUsage =
  (t: Transport) =>
  ({ account, ...auth }: AuthOptions & { account: string }): AsyncIterable<LocalUsageDto> =>
    streamed(t, `${accountPath(account)}/usage/local`, LocalUsageDto, auth);

export const listGlobalUsage =
  (t: Transport) =>
  ({ account, ...auth }: AuthOptions & { account: string }): AsyncIterable<GlobalUsageDto> =>
    streamed(t, `${accountPath(account)}/usage/global`, GlobalUsageDto, auth);

/** GET /accounts/<acc>/attr/: its attributes (`admin` = true lifts every quota check). */
export const getAccountAttributes =
  (t: Transport) =>
  ({ account, ...auth }: AuthOptions & { account: string }) =>
    t.json(`${accountPath(account)}/attr/`, z.array(AccountAttributeDto), auth);
