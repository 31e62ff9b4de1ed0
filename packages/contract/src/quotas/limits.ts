import { z } from 'zod';
import { errors, INPUT_ERRORS, route, RUCIO_ERRORS, SESSION_ERRORS } from '../route-def.ts';
import { BulkApplyResult, BulkLimitRequest, BulkPreview } from './limit-bulk.ts';
import { QuotaAuditFilterQuery, QuotaAuditPage, QuotaAuditQuery } from './limit-audit.ts';
import {
  DeleteLimitQuery,
  GlobalLimitParams,
  LimitChange,
  LimitsOverview,
  LocalLimitParams,
  QuotaPermissions,
  SetLimitBody,
} from './limit-schemas.ts';

export * from './limit-text.ts';
export * from './limit-schemas.ts';
export * from './limit-bulk.ts';
export * from './limit-audit.ts';

/*
 * Account limits (issue 9, items 1, 2, 4, 5). Every route but `quotaPermissions` is for portal
 * admins (members of the configured IAM group: 403 `forbidden` otherwise). Writes also need the
 * Rucio account the session acts as to be allowed by Rucio's own rule — root, the `admin`
 * attribute, or `country-<cc>=admin` for RSEs with `country=<cc>` (for a global limit, every RSE
 * of the expression) — else 403 `forbidden` before Rucio is asked; Rucio checks again.
 *
 * Bad input is a 400 `bad_request` naming the field (`details.field`: limit, account, rse,
 * expression), and nothing is written: negative, fractional or non-numeric bytes, more than 1 EB,
 * an account or RSE Rucio does not know, an expression Rucio cannot resolve. A limit below what
 * the account stores is a 409 `conflict` with the usage in the message (`details.usedBytes`)
 * unless `confirmBelowUsage` is true. Every write is audited in the same request, refused ones too.
 */

/** Changes need X-CSRF: 1 and the portal's origin; then the admin checks. */
const WRITE_ERRORS = errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
  403: ['csrf_rejected', 'forbidden'],
  409: ['conflict', 'rucio_refused'],
  400: ['rucio_refused'],
});

const LOCAL_EXAMPLE = { account: 'lst-analysis', rse: 'CTAO-S-ONSITE' };
const GLOBAL_EXAMPLE = { account: 'lst-analysis', expression: 'ONSITE' };

export const quotaLimitRoutes = {
  quotaPermissions: route({
    method: 'get',
    path: '/api/quotas/permissions',
    summary:
      'Whether the signed-in session may set account limits, and where: the portal rule (IAM group) and Rucio’s (root, `admin`, country admin), read from the acting account’s attributes and the RSEs’ `country` attribute. For every signed-in user.',
    auth: true,
    response: QuotaPermissions,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS),
  }),
  quotaLimits: route({
    method: 'get',
    path: '/api/quotas/limits',
    summary:
      "Every account's local limit and usage on every RSE (Rucio: one GET /rses/<rse>/accounts/usage per RSE) and every global limit (one GET /accounts/<acc>/limits/global per account: Rucio has no listing of all), with the session's permissions.",
    auth: true,
    response: LimitsOverview,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS, { 403: ['forbidden'] }),
  }),
  setLocalLimit: route({
    method: 'put',
    path: '/api/quotas/limits/local/:account/:rse',
    summary:
      'Set or change an account\'s local limit on one RSE (bytes or "unlimited"). Answers before → after; setting the value it already has sends nothing to Rucio (result unchanged).',
    auth: true,
    params: LocalLimitParams,
    examples: LOCAL_EXAMPLE,
    body: SetLimitBody,
    response: LimitChange,
    errors: WRITE_ERRORS,
  }),
  deleteLocalLimit: route({
    method: 'delete',
    path: '/api/quotas/limits/local/:account/:rse',
    summary:
      'Remove a local limit: the account may then store nothing more on the RSE (Rucio treats a missing local limit as none allowed, except for its admins).',
    auth: true,
    params: LocalLimitParams,
    examples: LOCAL_EXAMPLE,
    query: DeleteLimitQuery,
    response: LimitChange,
    errors: WRITE_ERRORS,
  }),
  setGlobalLimit: route({
    method: 'put',
    path: '/api/quotas/limits/global/:account/:expression',
    summary:
      'Set or change a global limit: one cap over the RSEs an expression resolves to (the expression is one URL-encoded path segment). The expression is resolved by Rucio before anything is saved (400 naming it when Rucio cannot).',
    auth: true,
    params: GlobalLimitParams,
    examples: GLOBAL_EXAMPLE,
    body: SetLimitBody,
    response: LimitChange,
    errors: WRITE_ERRORS,
  }),
  deleteGlobalLimit: route({
    method: 'delete',
    path: '/api/quotas/limits/global/:account/:expression',
    summary: 'Remove a global limit (its RSEs are then capped only by the local limits).',
    auth: true,
    params: GlobalLimitParams,
    examples: GLOBAL_EXAMPLE,
    query: DeleteLimitQuery,
    response: LimitChange,
    errors: WRITE_ERRORS,
  }),
  previewBulkLimits: route({
    method: 'post',
    path: '/api/quotas/limits/bulk/preview',
    summary:
      'Dry run of a bulk edit: each row with its current limit → the new one, what the account stores there, and its problems (nothing is written, nothing audited). Invalid rows are reported per row, not as a 400.',
    auth: true,
    body: BulkLimitRequest,
    response: BulkPreview,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
      403: ['csrf_rejected', 'forbidden'],
    }),
  }),
  applyBulkLimits: route({
    method: 'post',
    path: '/api/quotas/limits/bulk/apply',
    summary:
      'Apply a bulk edit, row by row in order, each audited. Refused as a whole (400 with `details.rows`, nothing written) when a row is invalid; 409 when a row goes below usage without confirmBelowUsage, or the same requestId is being applied. When a row fails part-way, the rest are not tried: the answer says which rows were applied and which not (complete: false), and a retry with the same requestId applies only what is missing.',
    auth: true,
    body: BulkLimitRequest,
    response: BulkApplyResult,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
      403: ['csrf_rejected', 'forbidden'],
      409: ['conflict'],
    }),
  }),
  quotaAudit: route({
    method: 'get',
    path: '/api/quotas/audit',
    summary:
      'The audit trail of limit changes, newest first, filtered by account, RSE, actor, result and time, a page at a time (keyset paging: pass nextCursor back).',
    auth: true,
    query: QuotaAuditQuery,
    response: QuotaAuditPage,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, { 403: ['forbidden'] }),
  }),
  quotaAuditExport: route({
    method: 'get',
    path: '/api/quotas/audit/export',
    summary:
      'The filtered audit trail as CSV (QUOTA_AUDIT_CSV_COLUMNS), newest first, streamed (constant memory, every matching row).',
    auth: true,
    query: QuotaAuditFilterQuery,
    response: z.string(),
    download: ['text/csv'],
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, { 403: ['forbidden'] }),
  }),
} as const;
