/** Starts the dev IdP on 127.0.0.1:IDP_PORT with graceful shutdown. */
import { once } from 'node:events';
import { DEV_HOST } from '@bdms/dev-fixtures';
import { loadConfig } from './config.ts';
import { createIdp } from './app.ts';
import { createLogger } from './logger.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const { app } = createIdp(config, logger);

const server = app.listen(config.port, DEV_HOST);
await once(server, 'listening');
logger.info({ issuer: config.issuer, port: config.port, endSession: config.endSession }, 'dev IdP ready');

function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down');
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(1), 5000).unref();
}
process.once('SIGTERM', () => { shutdown('SIGTERM'); });
process.once('SIGINT', () => { shutdown('SIGINT'); });
