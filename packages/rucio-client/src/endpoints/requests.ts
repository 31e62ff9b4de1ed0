import { z } from 'zod';
import { scopedPath } from '../did-path.ts';
import { RucioError } from '../errors.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

/** Rucio's transfer request states, by name (`/requests/list` takes their one-letter codes). */
export const REQUEST_STATE_CODES = {
  QUEUED: 'Q',
  SUBMITTING: 'G',
  SUBMITTED: 'S',
  FAILED: 'F',
  DONE: 'D',
  LOST: 'L',
  NO_SOURCES: 'N',
  ONLY_TAPE_SOURCES: 'O',
  SUBMISSION_FAILED: 'A',
  MISMATCH_SCHEME: 'M',
  SUSPEND: 'U',
  WAITING: 'W',
  PREPARING: 'P',
} as const;
export type RequestStateName = keyof typeof REQUEST_STATE_CODES;

/** One transfer request as `/requests/list` streams it (names of both RSEs included). */
export const TransferRequestDto = z
  .object({
    id: z.string(),
    scope: z.string(),
    name: z.string(),
    state: z.string(),
    request_type: z.string().optional(),
    bytes: z.number().nullable().optional(),
    account: z.string().nullable().optional(),
    rule_id: z.string().nullable().optional(),
    activity: z.string().nullable().optional(),
    source_rse: z.string().nullable().optional(),
    dest_rse: z.string().nullable().optional(),
    created_at: z.string().nullable().optional(),
    submitted_at: z.string().nullable().optional(),
    updated_at: z.string().nullable().optional(),
    err_msg: z.string().nullable().optional(),
    retry_count: z.number().nullable().optional(),
    external_id: z.string().nullable().optional(),
  })
  .loose();
export type TransferRequestDto = z.infer<typeof TransferRequestDto>;

/**
 * GET /requests/list?src_rse=&dst_rse=&request_states=, streamed: the requests between two RSEs
 * in these states. Rucio 41 needs both ends (400 otherwise) and lets only admins list them.
 * A QUEUED request has no source yet (the submitter picks it), so it is listed under no pair.
 */
export const listTransferRequests =
  (t: Transport) =>
  ({
    sourceRse,
    destinationRse,
    states,
    ...auth
  }: AuthOptions & {
    sourceRse: string;
    destinationRse: string;
    states: readonly RequestStateName[];
  }): AsyncIterable<TransferRequestDto> => {
    if (states.length === 0) throw new RangeError('list at least one request state');
    const query = new URLSearchParams({
      src_rse: sourceRse,
      dst_rse: destinationRse,
      request_states: states.map((s) => REQUEST_STATE_CODES[s]).join(','),
    });
    return streamed(t, `/requests/list?${query.toString()}`, TransferRequestDto, auth);
  };

/**
 * GET /requests/<scope>/<name>/<dst_rse>: the transfer request of one file to one destination RSE,
 * open to any account (unlike the listing). null when Rucio has none (RequestNotFound: not queued
 * yet, or done and moved to the history). Other refusals stay errors: an unknown RSE is a 500
 * RSENotFound on Rucio 41 (recorded). State and both RSEs come by name, as in the listing.
 */
export const getTransferRequest =
  (t: Transport) =>
  async ({
    scope,
    name,
    destinationRse,
    ...auth
  }: AuthOptions & {
    scope: string;
    name: string;
    destinationRse: string;
  }): Promise<TransferRequestDto | null> => {
    const path = `${scopedPath('requests', scope, name)}/${encodeURIComponent(destinationRse)}`;
    try {
      return await t.json(path, TransferRequestDto, auth);
    } catch (error) {
      if (error instanceof RucioError && error.exceptionClass === 'RequestNotFound') return null;
      throw error;
    }
  };
