import { z } from 'zod';
import { didPath } from '../did-path.ts';
import { DidTypeDto } from '../schemas.ts';
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
