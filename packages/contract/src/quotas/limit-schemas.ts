import { z } from 'zod';
import { RseName } from '../rses/schemas.ts';
import { MAX_LIMIT_BYTES } from './limit-text.ts';

/*
 * Path and query parameters are written without a schema id: the OpenAPI document inlines
 * parameters, and a `$ref` there is one Schemathesis cannot resolve.
 */

/** A Rucio account name, as Rucio's schema allows it. */
export const LimitAccountName = z
  .string()
  .regex(/^[a-z0-9_-]{1,25}$/, { message: 'is not a Rucio account name' })
  .describe('A Rucio account, e.g. alice');

/**
 * An RSE expression a global limit is kept under. No `/`: Rucio's route takes the expression as
 * one path segment and keeps an encoded slash encoded (it would store `a%2Fb`).
 */
export const LimitExpression = z
  .string()
  .trim()
  .min(1, { message: 'is empty: name an RSE expression, e.g. OFFSITE' })
  .max(500)
  .regex(/^[\x20-\x2e\x30-\x7e]+$/, { message: 'may only hold printable ASCII, without /' })
  .describe('A Rucio RSE expression, e.g. OFFSITE or OFFSITE\\PIC-TAPE');

/** Whole bytes from 0 to 1 EB; written so the schema itself says it (fuzzers stay in range). */
export const LimitBytes = z
  .number({ error: 'is not a number of bytes' })
  .min(0, { message: 'must not be negative' })
  .max(MAX_LIMIT_BYTES, { message: 'is more than 1 EB (10^18 bytes)' })
  .multipleOf(1, { message: 'must be whole bytes' })
  // zod's multipleOf tolerates float noise (it accepts 2.6e-42): whole means whole. Only when
  // nothing else failed, so 0.5 is said once.
  .refine((n) => Number.isInteger(n), {
    message: 'must be whole bytes',
    when: (payload) => payload.issues.length === 0,
  });

/** A limit to set: whole bytes, or 'unlimited' (Rucio's Infinity, stored by Rucio as -1). */
export const LimitValue = z
  .union([LimitBytes, z.literal('unlimited')], {
    error: 'is not a number of bytes or "unlimited"',
  })
  .meta({
    id: 'LimitValue',
    description: 'Whole bytes (0 to 10^18), or "unlimited"',
    examples: [10_000_000_000_000, 'unlimited'],
  });

/**
 * A limit as Rucio holds it: bytes, 'unlimited', or null when none is set. Without a local limit
 * an account may store nothing on the RSE (unless it is a Rucio admin); without a global limit
 * nothing extra caps the RSEs of the expression.
 */
export const CurrentLimit = z
  .union([z.number(), z.literal('unlimited')])
  .nullable()
  .meta({ id: 'CurrentLimit', description: 'Bytes, "unlimited", or null (no limit set)' });
export type CurrentLimit = z.infer<typeof CurrentLimit>;

export const LocalLimitParams = z.object({ account: LimitAccountName, rse: RseName });
export const GlobalLimitParams = z.object({
  account: LimitAccountName,
  expression: LimitExpression,
});

export const SetLimitBody = z
  .strictObject({
    limit: LimitValue,
    confirmBelowUsage: z
      .boolean()
      .optional()
      .describe('Needed (true) to set a limit below what the account already stores (else 409)'),
  })
  .meta({ id: 'SetLimitBody', examples: [{ limit: 200_000 }, { limit: 'unlimited' }] });
export type SetLimitBody = z.infer<typeof SetLimitBody>;

export const DeleteLimitQuery = z.object({
  confirmBelowUsage: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'Removing a local limit where the account stores data leaves it over quota there: needs true (else 409). Global limits never need it.',
    ),
});

export const LimitKind = z.enum(['local', 'global']).meta({ id: 'LimitKind' });
export type LimitKind = z.infer<typeof LimitKind>;

export const LocalLimitCell = z
  .object({
    account: z.string(),
    rse: z.string(),
    limit: CurrentLimit,
    usedBytes: z.number(),
    usedFiles: z.number().int(),
  })
  .meta({ id: 'LocalLimitCell' });
export type LocalLimitCell = z.infer<typeof LocalLimitCell>;

export const GlobalLimitRow = z
  .object({
    account: z.string(),
    expression: z.string(),
    limit: CurrentLimit,
    resolvedRses: z.array(z.string()).describe('The RSEs Rucio resolves the expression to now'),
    usedBytes: z
      .number()
      .describe("The account's usage summed over those RSEs (as Rucio computes it)"),
  })
  .meta({ id: 'GlobalLimitRow' });
export type GlobalLimitRow = z.infer<typeof GlobalLimitRow>;

/** Who may set limits: the portal's rule and Rucio's (root, `admin`, country admins). */
export const QuotaPermissions = z
  .object({
    portalAdmin: z.boolean().describe('Member of the configured IAM admin group'),
    account: z.string().describe('The Rucio account the session acts as'),
    rucioAdmin: z.boolean().describe('root, or an account with the `admin` attribute'),
    countries: z
      .array(z.string())
      .describe('Countries the account is a country admin of (attribute country-<cc>=admin)'),
    rses: z
      .array(z.string())
      .describe(
        'RSEs whose limits this session may set (every RSE for a Rucio admin; those with country=<cc> for a country admin); empty when it may set none',
      ),
    reason: z
      .string()
      .nullable()
      .describe('Why this session may not set limits (null when it may, somewhere)'),
  })
  .meta({ id: 'QuotaPermissions' });
export type QuotaPermissions = z.infer<typeof QuotaPermissions>;

export const LimitsOverview = z
  .object({
    accounts: z.array(z.string()).describe('Every Rucio account, sorted'),
    rses: z.array(
      z.object({
        rse: z.string(),
        type: z.enum(['DISK', 'TAPE']),
        country: z.string().nullable().describe('The RSE attribute `country`'),
      }),
    ),
    local: z.array(LocalLimitCell).describe('Every account × RSE, with its local limit and usage'),
    global: z.array(GlobalLimitRow).describe('Every global limit of every account'),
    permissions: QuotaPermissions,
    fetchedAt: z.string().describe('ISO 8601: when Rucio was asked'),
  })
  .meta({ id: 'LimitsOverview' });
export type LimitsOverview = z.infer<typeof LimitsOverview>;

/** The outcome of one change, as the audit keeps it. */
export const LimitChangeResult = z.enum(['accepted', 'refused', 'unchanged', 'pending']).meta({
  id: 'LimitChangeResult',
  description:
    "accepted: Rucio made the change; refused: Rucio or the portal refused it (see message); unchanged: the limit already had that value, nothing was sent; pending: sent to Rucio, but the BFF stopped before it heard the answer (read Rucio's value for the truth)",
});
export type LimitChangeResult = z.infer<typeof LimitChangeResult>;

export const LimitChange = z
  .object({
    kind: LimitKind,
    account: z.string(),
    rse: z.string().nullable().describe('The RSE of a local limit (null for a global one)'),
    expression: z.string().nullable().describe('The expression of a global limit'),
    resolvedRses: z.array(z.string()).describe('A global limit: the RSEs its expression covers'),
    before: CurrentLimit,
    after: CurrentLimit,
    usedBytes: z.number().describe('What the account stores there now'),
    result: LimitChangeResult.exclude(['refused', 'pending']),
    auditId: z.string().describe('The audit row of this change'),
    requestId: z.string(),
  })
  .meta({ id: 'LimitChange' });
export type LimitChange = z.infer<typeof LimitChange>;
