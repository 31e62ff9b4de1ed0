import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRucioClient } from '@bdms/rucio-client';
import { createApp } from './app.ts';
import { createAuditRepo } from './audit/audit.repo.ts';
import { createSavedSearchRepo } from './saved-searches/saved-searches.repo.ts';
import { createBasketRepo } from './basket/basket.repo.ts';
import { createLinkRepo } from './links/links.repo.ts';
import { createQuotaAuditRepo } from './quotas/quota-audit.repo.ts';
import { createOidcClient } from './auth/oidc-client.ts';
import { createSessionStore } from './auth/session.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/open-db.ts';
import { openGeolocator } from './http/geolocate.ts';
import { bufferedStdout, createLogger } from './logger.ts';

const SHUTDOWN_GRACE_MS = 10_000;
export const MAX_HEADER_BYTES = 128 * 1024;

const packageVersion = (): string =>
  (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;

export interface Running {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** Config → dependencies → app → listen. Resolves once the port is open. */
export async function start(env?: NodeJS.ProcessEnv): Promise<Running> {
  const config = loadConfig(env, packageVersion());
  const geolocate =
    config.geoipCityDb === undefined ? undefined : openGeolocator(config.geoipCityDb);
  const stdout = bufferedStdout();
  const logger = createLogger(config, stdout.stream);
  // First, and migrated before anything listens: the BFF cannot run without its database.
  const database = await openDatabase(config.database, logger);
  const sessions = await createSessionStore(config, logger);
  const rucio = createRucioClient({
    baseUrl: config.rucio.url,
    userAgent: `bdms-bff/${config.version}`,
    timeoutMs: config.rucio.timeoutMs,
  });
  const oidc = createOidcClient({ config: config.oidc, logger });
  const app = createApp({
    config,
    logger,
    oidc,
    rucio,
    geolocate,
    sessionStore: sessions.store,
    redisCommand: sessions.redisCommand,
    audit: createAuditRepo(database.db),
    savedSearches: createSavedSearchRepo(database.db),
    basket: createBasketRepo(database.db),
    links: createLinkRepo(database.db),
    quotaAudit: createQuotaAuditRepo(database.db),
  });

  // Request heads up to 128 KiB reach the app, which answers an over-long parameter with a 400
  // naming it; beyond that Node answers 431 itself (documented in the OpenAPI document).
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  logger.info(
    {
      url,
      publicUrl: config.publicUrl,
      sessionStore: sessions.kind,
      webDistDir: config.webDistDir,
    },
    'BFF listening',
  );

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      logger.info('BFF shutting down');
      server.closeIdleConnections();
      const forced = setTimeout(() => {
        server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS).unref();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      clearTimeout(forced);
      await sessions.close();
      await database.close();
      stdout.close();
    })());
  return { server, url, stop };
}

async function main(): Promise<void> {
  let running: Running;
  try {
    running = await start();
  } catch (error) {
    // No logger exists yet when the configuration itself is wrong: stderr is the only channel.
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void running.stop().then(() => process.exit(0));
    });
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) await main();
