import { Router, type Request, type Response } from 'express';
import { api, type SetLimitBody } from '@bdms/contract';
import type { Config } from '../config.ts';
import { isAdmin, requireAdmin } from '../auth/require-admin.ts';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import { streamAuditCsv } from './audit-csv.ts';
import type { LimitsBulkService } from './limits-bulk.service.ts';
import type { QuotaAuditService } from './quota-audit.service.ts';
import type { Caller, QuotasService } from './quotas.service.ts';

/** Who calls, with the token the Rucio calls carry (inside withToken). */
function callerOf(req: Request, res: Response, config: Pick<Config, 'adminGroup'>) {
  const { user } = signedIn(req);
  const signal = clientGone(res);
  return (token: string): Caller => ({
    user: { sub: user.sub, username: user.username },
    token,
    signal,
    // Always a string from the request-id middleware; pino-http types it loosely.
    requestId: req.id as string,
    portalAdmin: isAdmin(user, config),
  });
}

/** Account limits, bulk edits and their audit trail (issue 9); all but permissions for admins. */
export function quotasRoutes(
  services: { quotas: QuotasService; bulk: LimitsBulkService; audit: QuotaAuditService },
  withToken: RucioCaller,
  config: Pick<Config, 'adminGroup'>,
): Router {
  const { quotas, bulk, audit } = services;
  const router = Router();
  const admin = requireAdmin(config);

  router.get(api.quotaPermissions.path, async (req, res) => {
    const caller = callerOf(req, res, config);
    const body = await withToken(req, (t) => quotas.permissions(caller(t)));
    respond(res, api.quotaPermissions.response, body);
  });

  router.get(api.quotaLimits.path, admin, async (req, res) => {
    const caller = callerOf(req, res, config);
    respond(res, api.quotaLimits.response, await withToken(req, (t) => quotas.overview(caller(t))));
  });

  // Set (PUT, a body) and remove (DELETE, confirmBelowUsage in the query), local and global.
  const writes = [
    api.setLocalLimit,
    api.deleteLocalLimit,
    api.setGlobalLimit,
    api.deleteGlobalLimit,
  ] as const;
  for (const def of writes)
    router[def.method](def.path, admin, validated(def), async (req, res) => {
      const caller = callerOf(req, res, config);
      // The shapes of the four routes' validated input (see validated()).
      const { params, body, query } = res.locals.input as {
        params: { account: string; rse?: string; expression?: string };
        body?: SetLimitBody;
        query?: { confirmBelowUsage?: 'true' | 'false' };
      };
      const change = await withToken(req, (t) =>
        quotas.change(caller(t), {
          kind: params.rse === undefined ? 'global' : 'local',
          account: params.account,
          rse: params.rse ?? null,
          expression: params.expression ?? null,
          after: body ? body.limit : null,
          confirmBelowUsage: body
            ? body.confirmBelowUsage === true
            : query?.confirmBelowUsage === 'true',
        }),
      );
      respond(res, def.response, change);
    });

  router.post(
    api.previewBulkLimits.path,
    admin,
    validated(api.previewBulkLimits),
    async (req, res) => {
      const caller = callerOf(req, res, config);
      const { body } = inputOf(req, res, api.previewBulkLimits);
      respond(
        res,
        api.previewBulkLimits.response,
        await withToken(req, (t) => bulk.preview(caller(t), body)),
      );
    },
  );

  router.post(api.applyBulkLimits.path, admin, validated(api.applyBulkLimits), async (req, res) => {
    const caller = callerOf(req, res, config);
    const { body } = inputOf(req, res, api.applyBulkLimits);
    respond(
      res,
      api.applyBulkLimits.response,
      await withToken(req, (t) => bulk.apply(caller(t), body)),
    );
  });

  router.get(api.quotaAudit.path, admin, validated(api.quotaAudit), async (req, res) => {
    const { query } = inputOf(req, res, api.quotaAudit);
    respond(res, api.quotaAudit.response, await audit.page(query));
  });

  router.get(
    api.quotaAuditExport.path,
    admin,
    validated(api.quotaAuditExport),
    async (req, res) => {
      const { query } = inputOf(req, res, api.quotaAuditExport);
      await streamAuditCsv(req, res, (cursor) => audit.page({ ...query, cursor, limit: 100 }));
    },
  );

  return router;
}
