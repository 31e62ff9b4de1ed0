import express, { type Express } from 'express';
import { api } from '@bdms/contract';
import type { Store } from 'express-session';
import type { Logger } from 'pino';
import { authRoutes } from './auth/auth.routes.ts';
import { authErrorsForBrowsers } from './auth/browser-errors.ts';
import { createLoginTxStore } from './auth/login-tx.ts';
import type { OidcPort } from './auth/oidc-port.ts';
import { isAdmin } from './auth/require-admin.ts';
import { requireSession } from './auth/require-session.ts';
import { sessionMiddleware, type SessionStore } from './auth/session.ts';
import { preventResurrection, touchAtMostEvery } from './auth/session-guard.ts';
import { sessionPeeker } from './auth/peek-session.ts';
import { cookieNames } from './auth/cookies.ts';
import { withActingAccount } from './auth/acting-account.ts';
import { withClientCoordinates, type Geolocate } from './http/geolocate.ts';
import { createRucioCaller } from './auth/rucio-call.ts';
import { createTokenRefresher } from './auth/token-refresher.ts';
import type { AuditRepo } from './audit/audit.repo.ts';
import type { SavedSearchRepo } from './saved-searches/saved-searches.repo.ts';
import { createSavedSearchesService } from './saved-searches/saved-searches.service.ts';
import { savedSearchesRoutes } from './saved-searches/saved-searches.routes.ts';
import type { BasketRepo } from './basket/basket.repo.ts';
import type { Config } from './config.ts';
import { createDidsService } from './dids/dids.service.ts';
import { cachedDidTypes } from './lib/did-types.ts';
import { didsRoutes } from './dids/dids.routes.ts';
import type { LinkRepo } from './links/links.repo.ts';
import type { StorageTokens } from './storage/storage-tokens.ts';
import { benchRoutes } from './debug/bench.routes.ts';
import { countRucioCalls, createRucioMetrics } from './debug/rucio-metrics.ts';
import { createHealthService } from './health/health.service.ts';
import { publicApiRoutes } from './health/health.routes.ts';
import { createMeService } from './me/me.service.ts';
import { meRoutes } from './me/me.routes.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { errorHandler, notFound } from './middleware/error-handler.ts';
import { httpLogger } from './middleware/http-logger.ts';
import { methodNotAllowed } from './middleware/method-not-allowed.ts';
import { authRateLimit } from './middleware/rate-limit.ts';
import { requestId } from './middleware/request-id.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import type { RucioPort } from './rucio-port.ts';
import { createScopesService } from './scopes/scopes.service.ts';
import { createReferenceCache } from './lib/reference-cache.ts';
import { scopesRoutes } from './scopes/scopes.routes.ts';
import { createRsesService } from './rses/rses.service.ts';
import { rsesRoutes } from './rses/rses.routes.ts';
import { createTransfersService } from './transfers/transfers.service.ts';
import { transfersRoutes } from './transfers/transfers.routes.ts';
import { createRuleRequestsService } from './rule-requests/rule-requests.service.ts';
import { createStagingService } from './staging/staging.service.ts';
import { stagingRoutes } from './staging/staging.routes.ts';
import { ruleRequestsRoutes } from './rule-requests/rule-requests.routes.ts';
import type { QuotaAuditRepo } from './quotas/quota-audit.repo.ts';
import { createRulesService } from './rules/rules.service.ts';
import { rulesRoutes } from './rules/rules.routes.ts';
import { createSearchService } from './search/search.service.ts';
import { searchRoutes } from './search/search.routes.ts';
import { createValuesService } from './search/values.service.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { spaRoutes } from './web/spa.ts';
import { getDataRoutes } from './app-get-data.ts';
import { quotaRoutes } from './app-quotas.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  oidc: OidcPort;
  rucio: RucioPort;
  /** Places the browser's address for Rucio's replica sort (GEOIP_CITY_DB; unset: Rucio does). */
  geolocate?: Geolocate | undefined;
  sessionStore: Store;
  /** Redis commands for rate-limit counters shared by every replica (unset: per process). */
  redisCommand?: SessionStore['redisCommand'];
  /** Health cache; tests set 0. */
  healthCacheMs?: number;
  /** The audit trail (PostgreSQL in production, in memory in unit tests). */
  audit: AuditRepo;
  /** Saved searches (PostgreSQL in production, in memory in unit tests). */
  savedSearches: SavedSearchRepo;
  /** Download baskets (PostgreSQL in production, in memory in unit tests). */
  basket: BasketRepo;
  /** Signed download links (PostgreSQL in production, in memory in unit tests). */
  links: LinkRepo;
  /** The audit trail of account-limit changes (PostgreSQL; in memory in unit tests). */
  quotaAudit: QuotaAuditRepo;
  /** Storage tokens (unset: from the config, the IdP and this app's token refresher). */
  storageTokens?: StorageTokens;
}

/** The whole HTTP surface, without listening: tests mount it on port 0. */
export function createApp(deps: AppDeps): Express {
  const { config, logger, oidc } = deps;
  // Every Rucio call made with a user's token acts as the account their session chose.
  // Counted for the benchmark's "upstream requests per search" (GET /debug/metrics).
  const rucioMetrics = createRucioMetrics();
  const rucio = withActingAccount(
    withClientCoordinates(countRucioCalls(deps.rucio, rucioMetrics), deps.geolocate),
  );
  const app = express();
  app.disable('x-powered-by');
  // Every API answer is no-store: a weak ETag would only hash each body (350 kB for the quota
  // overview) for nothing. The SPA's static files keep theirs (express.static sets its own).
  app.set('etag', false);
  // Only the configured proxy may say who the browser is and that it came over https
  // (X-Forwarded-For: the address sent to Rucio and rate-limited; -Proto: Secure cookies).
  app.set('trust proxy', config.trustProxy);

  const reference = createReferenceCache({ ttlMs: config.referenceCacheMs });
  const refresher = createTokenRefresher(oidc, logger);
  const withToken = createRucioCaller(refresher, (token) => rucio.primeToken({ token }));
  const health = createHealthService({
    rucio,
    oidc,
    version: config.version,
    cacheMs: deps.healthCacheMs,
  });

  const sessionStore = touchAtMostEvery(
    preventResurrection(deps.sessionStore, config.session.absoluteMs),
    Math.min(60_000, config.session.idleMs / 10),
  );
  app.use(requestId());
  app.use(httpLogger(logger));
  app.use(securityHeaders(config));
  app.use(methodNotAllowed(Object.values(api)));
  app.use(csrfProtection(config));
  // A selection's script names up to 1 000 DIDs of up to 500 characters each.
  app.use(api.selectionScript.path, express.json({ limit: '1mb' }));
  // A bulk limit edit holds up to 5 000 rows (every account × RSE of a 200 × 12 archive).
  app.use([api.previewBulkLimits.path, api.applyBulkLimits.path], express.json({ limit: '2mb' }));
  app.use('/api', express.json({ limit: '256kb' }));
  app.use(['/api', '/auth'], (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  app.use(
    '/auth',
    authRateLimit({ perMinute: config.authRateLimitPerMinute, redisCommand: deps.redisCommand }),
  );
  const signedIn = sessionPeeker(config, cookieNames(config).session, sessionStore);
  app.use(publicApiRoutes(health, config.version, signedIn));
  app.use(settingsRoutes(config));
  if (config.benchRoutes) app.use(benchRoutes(rucioMetrics));
  app.use(['/api', '/auth'], sessionMiddleware(config, sessionStore));
  const loginTx = createLoginTxStore(config.session.secret, sessionStore);
  app.use(authRoutes({ config, logger, oidc, loginTx, audit: deps.audit }));
  // After the auth routes and the rate limit in front of them: their failures, for browsers.
  app.use(['/auth/login', '/auth/callback'], authErrorsForBrowsers(config.publicUrl));
  app.use('/api', requireSession(config));
  app.use(
    meRoutes(
      createMeService({
        rucio,
        cache: reference,
        issuer: config.oidc.issuer,
        isAdmin: (user) => isAdmin(user, config),
      }),
      withToken,
    ),
  );
  app.use(scopesRoutes(createScopesService({ rucio, cache: reference }), withToken));
  // A DID's type never changes: the DID page's panels ask it of Rucio once, not per view.
  const didType = cachedDidTypes((lookup) => rucio.getDid(lookup));
  const dids = createDidsService({ rucio, didType });
  app.use(didsRoutes(dids, withToken, config));
  const rses = createRsesService({ rucio, cache: reference, didType });
  app.use(rsesRoutes(rses, withToken));
  const rseNames = async (sub: string, token: string) =>
    (await rses.list(sub, token)).rses.map((r) => r.rse);
  const rseTypes = async (sub: string, token: string) =>
    new Map((await rses.list(sub, token)).rses.map((r) => [r.rse, r.type]));
  app.use(transfersRoutes(createTransfersService({ rucio, rseNames }), withToken, config));
  const ruleRequests = createRuleRequestsService({
    rucio,
    sites: async (sub, t) => (await rses.list(sub, t)).rses,
  });
  app.use(ruleRequestsRoutes(ruleRequests, withToken, { rucio, cache: reference }));
  app.use(
    quotaRoutes({
      config,
      rucio,
      cache: reference,
      withToken,
      audit: deps.quotaAudit,
      rses,
      ruleRequests,
    }),
  );
  app.use(
    stagingRoutes(
      createStagingService({
        config: config.staging,
        summary: (t, d, signal) => dids.replicaSummary(t, d.scope, d.name, signal),
        rseTypes,
        rules: async (t, d, signal) => (await dids.rules(t, d.scope, d.name, signal)).rules,
        requestRule: (...args) => ruleRequests.request(...args),
      }),
      withToken,
      { rucio, cache: reference },
    ),
  );
  app.use(
    rulesRoutes(
      createRulesService({ rucio, cache: reference, isAdmin: (user) => isAdmin(user, config) }),
      withToken,
    ),
  );
  app.use(
    searchRoutes(
      createSearchService({ rucio }),
      withToken,
      config,
      createValuesService({ rucio, referenceCacheMs: config.referenceCacheMs }),
    ),
  );
  app.use(
    savedSearchesRoutes(
      createSavedSearchesService({
        repo: deps.savedSearches,
        audit: deps.audit,
        logger,
        issuer: config.oidc.issuer,
      }),
    ),
  );
  app.use(
    getDataRoutes({
      config,
      logger,
      rucio,
      withToken,
      refresher,
      storageTokens: deps.storageTokens,
      audit: deps.audit,
      links: deps.links,
      basket: deps.basket,
      rseTypes,
    }),
  );
  app.use(['/api', '/auth'], notFound());

  app.use(spaRoutes(config.webDistDir));
  app.use(notFound());
  app.use(errorHandler(config));
  return app;
}
