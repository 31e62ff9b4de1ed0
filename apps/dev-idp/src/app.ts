/**
 * createIdp(config): the Express app (our interaction pages + oidc-provider) without listen,
 * so tests can mount it on port 0.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type Provider from 'oidc-provider';
import type { IdpConfig } from './config.ts';
import { escapeHtml, layout, pageCsp } from './html.ts';
import { interactionRouter } from './interaction/routes.ts';
import { createProvider } from './provider.ts';

export interface Idp {
  app: Express;
  provider: Provider;
}

/** Logs provider events by name and ids only: never token values. */
function logProviderEvents(provider: Provider, logger: Logger): void {
  const failed = (event: string) => (_ctx: unknown, err: Error) => {
    logger.warn({ event, error: err.name, reason: err.message }, 'oidc event');
  };
  provider.on('grant.error', failed('grant.error'));
  provider.on('server_error', failed('server_error'));
  provider.on('grant.success', (ctx) => {
    logger.info({ event: 'grant.success', client: ctx.oidc.client?.clientId }, 'oidc event');
  });
  provider.on('grant.revoked', (_ctx, grantId) => {
    logger.info({ event: 'grant.revoked', grantId }, 'oidc event');
  });
  provider.on('end_session.success', () => {
    logger.info({ event: 'end_session.success' }, 'oidc event');
  });
}

function errorHandler(logger: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const description = (err as { error_description?: unknown } | null)?.error_description;
    const message =
      typeof description === 'string'
        ? description
        : err instanceof Error
          ? err.message
          : 'unexpected error';
    logger.warn(
      { error: err instanceof Error ? err.name : 'unknown', reason: message },
      'interaction failed',
    );
    res
      .status(400)
      .set({ 'Content-Security-Policy': pageCsp(), 'Cache-Control': 'no-store' })
      .type('html')
      .send(
        layout(
          'CTAO IAM (dev) — Error',
          `<h1>Sign-in failed</h1><p role="alert">${escapeHtml(message)}</p>`,
        ),
      );
  };
}

export function createIdp(config: IdpConfig, logger: Logger): Idp {
  const provider = createProvider(config);
  logProviderEvents(provider, logger);
  const app = express();
  app.disable('x-powered-by');
  app.use(interactionRouter(provider));
  app.use(provider.callback());
  app.use(errorHandler(logger));
  return { app, provider };
}
