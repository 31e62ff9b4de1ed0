import { z } from 'zod';
import { didPath } from '../did-path.ts';
import { DidTypeDto } from '../schemas.ts';
import { LockStateDto } from './locks.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

/** Rucio's rule states, by name (`/rules/?state=` takes their one-letter codes). */
export const RuleStateDto = z.enum([
  'OK',
  'REPLICATING',
  'STUCK',
  'SUSPENDED',
  'WAITING_APPROVAL',
  'INJECT',
]);

/** One replication rule as Rucio 41 lists it (the fields the portal reads; the rest kept loose). */
export const RuleDto = z
  .object({
    id: z.string(),
    account: z.string(),
    scope: z.string(),
    name: z.string(),
    did_type: DidTypeDto.nullable().optional(),
    state: RuleStateDto,
    rse_expression: z.string(),
    copies: z.number(),
    grouping: z.string().nullable().optional(),
    activity: z.string().nullable().optional(),
    locked: z.boolean().nullable().optional(),
    locks_ok_cnt: z.number(),
    locks_replicating_cnt: z.number(),
    locks_stuck_cnt: z.number(),
    created_at: z.string().nullable().optional(),
    updated_at: z.string().nullable().optional(),
    expires_at: z.string().nullable().optional(),
    error: z.string().nullable().optional(),
    comments: z.string().nullable().optional(),
  })
  .loose();
export type RuleDto = z.infer<typeof RuleDto>;

/** GET /dids/<scope>/<name>/rules: the rules placed on this DID itself, streamed. 404 for an unknown DID. */
export const listDidRules =
  (t: Transport) =>
  ({
    scope,
    name,
    ...auth
  }: AuthOptions & { scope: string; name: string }): AsyncIterable<RuleDto> =>
    streamed(t, `${didPath(scope, name)}/rules`, RuleDto, auth);

/** Rucio's one-letter codes for `GET /rules/?state=` (it answers 500 to the names). */
export const RULE_STATE_CODES = {
  OK: 'O',
  REPLICATING: 'R',
  STUCK: 'S',
  SUSPENDED: 'U',
  WAITING_APPROVAL: 'W',
  INJECT: 'I',
} as const satisfies Record<z.infer<typeof RuleStateDto>, string>;

export interface ListRulesOptions extends AuthOptions {
  /** Rucio lists every account's rules to anyone: whose rules to list is the caller's decision. */
  account?: string;
  state?: z.infer<typeof RuleStateDto>;
}

/** GET /rules/?account=&state=, streamed, in Rucio's order. */
export const listRules =
  (t: Transport) =>
  ({ account, state, ...auth }: ListRulesOptions): AsyncIterable<RuleDto> => {
    const q = new URLSearchParams();
    if (account !== undefined) q.set('account', account);
    if (state !== undefined) q.set('state', RULE_STATE_CODES[state]);
    const query = q.toString() ? `?${q.toString()}` : '';
    return streamed(t, `/rules/${query}`, RuleDto, auth);
  };

const rulePath = (id: string): string => `/rules/${encodeURIComponent(id)}`;

/** GET /rules/<id>. 404 (RuleNotFound) for an unknown id. */
export const getRule =
  (t: Transport) =>
  ({ id, ...auth }: AuthOptions & { id: string }): Promise<RuleDto> =>
    t.json(rulePath(id), RuleDto, auth);

/**
 * One file lock of a rule (GET /rules/<id>/locks). Rucio 41 sends no size: only the file, the RSE
 * and the state (named, as in the dataset locks).
 */
export const RuleLockDto = z
  .object({
    scope: z.string(),
    name: z.string(),
    rse: z.string(),
    rse_id: z.string().optional(),
    rule_id: z.string(),
    state: LockStateDto,
  })
  .loose();
export type RuleLockDto = z.infer<typeof RuleLockDto>;

/**
 * GET /rules/<id>/locks, streamed: one line per file lock (100 000 for a big dataset's rule).
 * An unknown id is an empty listing, not a 404: ask getRule first.
 */
export const listRuleLocks =
  (t: Transport) =>
  ({ id, ...auth }: AuthOptions & { id: string }): AsyncIterable<RuleLockDto> =>
    streamed(t, `${rulePath(id)}/locks`, RuleLockDto, auth);
