import { Router } from 'express';
import { api } from '@bdms/contract';
import type { Config } from '../config.ts';
import { requireAdmin } from '../auth/require-admin.ts';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import { respond } from '../respond.ts';
import type { QuotasUsageService } from './quotas-usage.service.ts';

/** Usage against limits: the admin overview (admins only), RSE totals and my quota (everyone). */
export function quotasUsageRoutes(
  usage: QuotasUsageService,
  withToken: RucioCaller,
  config: Pick<Config, 'adminGroup'>,
): Router {
  const router = Router();
  router.get(api.quotaUsage.path, requireAdmin(config), async (req, res) => {
    const { user } = signedIn(req);
    const signal = clientGone(res);
    respond(
      res,
      api.quotaUsage.response,
      await withToken(req, (token) => usage.overview(user, { token, signal })),
    );
  });
  router.get(api.quotaRseTotals.path, async (req, res) => {
    const { user } = signedIn(req);
    const signal = clientGone(res);
    respond(
      res,
      api.quotaRseTotals.response,
      await withToken(req, (token) => usage.rseTotals(user, { token, signal })),
    );
  });
  router.get(api.myQuota.path, async (req, res) => {
    const { user } = signedIn(req);
    const signal = clientGone(res);
    respond(
      res,
      api.myQuota.response,
      await withToken(req, (token) => usage.mine(user, { token, signal })),
    );
  });
  return router;
}
