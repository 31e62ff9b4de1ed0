import { z } from 'zod';
import { didPath } from '../did-path.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

/** One line of GET /rses/?expression=: only the RSE's name (no type, no place). */
export const RseNameDto = z.object({ rse: z.string() }).loose();

/**
 * GET /rses/?expression=<expr>, streamed: the RSEs an RSE expression resolves to, by name. A
 * malformed expression, or one that matches nothing, is Rucio's 400 InvalidRSEExpression.
 */
export const resolveRseExpression =
  (t: Transport) =>
  ({
    expression,
    ...auth
  }: AuthOptions & { expression: string }): AsyncIterable<z.infer<typeof RseNameDto>> =>
    streamed(t, `/rses/?${new URLSearchParams({ expression }).toString()}`, RseNameDto, auth);

export interface NewRule {
  dids: readonly { scope: string; name: string }[];
  /** The account the rule is charged to (Rucio requires it in the body). */
  account: string;
  copies: number;
  rseExpression: string;
  /** Seconds; null or absent: the rule never expires. */
  lifetime?: number | null;
  comment?: string | null;
  /** Rucio then creates the rule WAITING_APPROVAL instead of refusing it over quota. */
  askApproval?: boolean;
  /** One of the activities of Rucio's schema (e.g. Staging); absent: Rucio's default. */
  activity?: string;
  /** Where the copies may come from (e.g. the tape RSE, for staging); absent: anywhere. */
  sourceReplicaExpression?: string;
}

/**
 * POST /rules/: one rule per DID, created as the token's account. Answers the new rule ids (201).
 * Rucio refuses with 409 and its exception class (InvalidRSEExpression, InsufficientAccountLimit,
 * InsufficientTargetRSEs, DuplicateRule, …) or 404 DataIdentifierNotFound.
 */
export const addRule =
  (t: Transport) =>
  ({ rule, ...auth }: AuthOptions & { rule: NewRule }): Promise<string[]> => {
    for (const { scope, name } of rule.dids) didPath(scope, name);
    const body = {
      dids: rule.dids.map(({ scope, name }) => ({ scope, name })),
      account: rule.account,
      copies: rule.copies,
      rse_expression: rule.rseExpression,
      lifetime: rule.lifetime ?? null,
      comment: rule.comment ?? null,
      ask_approval: rule.askApproval ?? false,
      ...(rule.activity ? { activity: rule.activity } : {}),
      ...(rule.sourceReplicaExpression
        ? { source_replica_expression: rule.sourceReplicaExpression }
        : {}),
    };
    return t.json('/rules/', z.array(z.string()), { ...auth, method: 'POST', body });
  };
