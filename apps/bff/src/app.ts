import express, { type Express } from 'express';
import type { Store } from 'express-session';
import type { Logger } from 'pino';
import { authRoutes } from './auth/auth.routes.ts';
import { createLoginTxStore } from './auth/login-tx.ts';
import type { OidcPort } from './auth/oidc-port.ts';
import { requireSession } from './auth/require-session.ts';
import { sessionMiddleware } from './auth/session.ts';
import { createRucioCaller } from './auth/rucio-call.ts';
import { createTokenRefresher } from './auth/token-refresher.ts';
import type { Config } from './config.ts';
import { createDidsService } from './dids/dids.service.ts';
import { didsRoutes } from './dids/dids.routes.ts';
import { createHealthService } from './health/health.service.ts';
import { publicApiRoutes } from './health/health.routes.ts';
import { createMeService } from './me/me.service.ts';
import { meRoutes } from './me/me.routes.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { errorHandler, notFound } from './middleware/error-handler.ts';
import { httpLogger } from './middleware/http-logger.ts';
import { requestId } from './middleware/request-id.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import type { RucioPort } from './rucio-port.ts';
import { createScopesService } from './scopes/scopes.service.ts';
import { scopesRoutes } from './scopes/scopes.routes.ts';
import { spaRoutes } from './web/spa.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  oidc: OidcPort;
  rucio: RucioPort;
  sessionStore: Store;
  /** Health cache; tests set 0. */
  healthCacheMs?: number;
}

/** The whole HTTP surface, without listening: tests mount it on port 0. */
export function createApp(deps: AppDeps): Express {
  const { config, logger, oidc, rucio } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy: trust one hop for X-Forwarded-Proto (Secure cookies need it).
  if (config.secureCookies) app.set('trust proxy', 1);

  const withToken = createRucioCaller(createTokenRefresher(oidc, logger));
  const health = createHealthService({
    rucio,
    oidc,
    version: config.version,
    cacheMs: deps.healthCacheMs,
  });

  app.use(requestId());
  app.use(httpLogger(logger));
  app.use(securityHeaders(config));
  app.use(csrfProtection(config));
  app.use(['/api', '/auth'], (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  app.use(publicApiRoutes(health, config.version));
  app.use(['/api', '/auth'], sessionMiddleware(config, deps.sessionStore));
  app.use(authRoutes({ config, logger, oidc, loginTx: createLoginTxStore(deps.sessionStore) }));
  app.use('/api', requireSession(config));
  app.use(meRoutes(createMeService({ rucio, adminGroup: config.adminGroup }), withToken));
  app.use(scopesRoutes(createScopesService({ rucio }), withToken));
  app.use(didsRoutes(createDidsService({ rucio }), withToken, config));
  app.use(['/api', '/auth'], notFound());

  app.use(spaRoutes(config.webDistDir));
  app.use(notFound());
  app.use(errorHandler(config));
  return app;
}
