/** Starts the dev IdP on 127.0.0.1:IDP_PORT with graceful shutdown on SIGTERM/SIGINT. */
import { once } from 'node:events';
import { pino } from 'pino';
import { DEV_HOST } from '@bdms/dev-fixtures';
import { ConfigError, loadConfig, type IdpConfig } from './config.ts';
import { createIdp } from './app.ts';
import { createLogger } from './logger.ts';

async function start(config: IdpConfig): Promise<void> {
  const logger = createLogger(config.logLevel);
  const { app } = createIdp(config, logger);
  const server = app.listen(config.port, DEV_HOST);
  await once(server, 'listening');
  logger.info(
    { issuer: config.issuer, port: config.port, endSession: config.endSession },
    'dev IdP ready',
  );

  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(1), 5000).unref();
  };
  process.once('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  process.once('SIGINT', () => {
    shutdown('SIGINT');
  });
}

try {
  await start(loadConfig());
} catch (err) {
  const reason = err instanceof ConfigError ? err.message : String(err);
  pino({ name: 'dev-idp' }).fatal({ reason }, 'dev IdP failed to start');
  process.exit(1);
}
