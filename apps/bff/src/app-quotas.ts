import type { Router } from 'express';
import type { RucioCaller } from './auth/rucio-call.ts';
import type { Config } from './config.ts';
import type { ReferenceCache } from './lib/reference-cache.ts';
import { createQuotasUsageService } from './quotas-usage/quotas-usage.service.ts';
import { quotasUsageRoutes } from './quotas-usage/quotas-usage.routes.ts';
import { createLimitsBulkService } from './quotas/limits-bulk.service.ts';
import { createQuotaAuditService } from './quotas/quota-audit.service.ts';
import type { QuotaAuditRepo } from './quotas/quota-audit.repo.ts';
import { createQuotasService } from './quotas/quotas.service.ts';
import { quotasRoutes } from './quotas/quotas.routes.ts';
import type { RucioPort } from './rucio-port.ts';
import type { RsesService } from './rses/rses.service.ts';
import type { RuleRequestsService } from './rule-requests/rule-requests.service.ts';

export interface QuotaDeps {
  config: Config;
  rucio: RucioPort;
  cache: ReferenceCache;
  withToken: RucioCaller;
  audit: QuotaAuditRepo;
  rses: RsesService;
  ruleRequests: RuleRequestsService;
}

/**
 * The quota console's routes (issue 9), composed here so app.ts stays a readable table of
 * contents: usage (one Rucio call per RSE), and limits with bulk edit and their audit trail. A
 * global limit's expression is resolved by the rule requests' preview, before anything is written.
 */
export function quotaRoutes(deps: QuotaDeps): Router[] {
  const { config, rucio, cache, withToken, rses, ruleRequests } = deps;
  const sites = async (sub: string, token: string) => (await rses.list(sub, token)).rses;
  const rseNames = async (sub: string, token: string) =>
    (await sites(sub, token)).map((r) => r.rse);
  const quotas = createQuotasService({
    rucio,
    cache,
    audit: deps.audit,
    adminGroup: config.adminGroup,
    rseSites: sites,
    resolveExpression: (sub, t, expression, signal) =>
      ruleRequests.preview(sub, t, expression, signal),
  });
  return [
    quotasUsageRoutes(createQuotasUsageService({ rucio, cache, rseNames }), withToken, config),
    quotasRoutes(
      {
        quotas,
        bulk: createLimitsBulkService(quotas),
        audit: createQuotaAuditService(deps.audit),
      },
      withToken,
      config,
    ),
  ];
}
