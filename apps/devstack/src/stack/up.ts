/**
 * `up`: the whole stack, in dependency order, each part reused when already healthy:
 * core (venv, PostgreSQL, Rucio, storage) → IdP → demo archive → transfer loop → SPA build → BFF.
 * Prints `Portal ready: <url>` only when every part answers.
 */
import { DEMO_USERS } from '@bdms/dev-fixtures';
import { coreUp } from '../core/core-up.ts';
import { startTransfers } from '../core/transfers.ts';
import type { Logger } from '../lib/logger.ts';
import type { StatePaths } from '../lib/paths.ts';
import { buildWeb, startBff, startIdp } from './apps.ts';
import { chooseRedis } from '../lib/redis-probe.ts';
import { runSeed } from '../seed/run-seed.ts';
import type { SeedSize } from '../seed/seed-args.ts';
import { describeSeed, type SeedSummary } from '../seed/seed-summary.ts';
import type { StackEnv } from './config.ts';

export interface UpOptions {
  reset: boolean;
  size: SeedSize;
  rebuildWeb: boolean;
}

export interface StackUrls {
  portal: string;
  rucio: string;
  issuer: string;
  storage: string;
  /** The portal's own database (the BFF's DATABASE_URL). */
  portalDb: string;
  /** Where the BFF keeps sessions (undefined: its embedded store). */
  redisUrl: string | undefined;
  seed: SeedSummary;
}

const secs = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

export async function up(
  paths: StatePaths,
  env: StackEnv,
  log: Logger,
  opts: UpOptions,
): Promise<StackUrls> {
  const core = await coreUp(paths, env, log, { reset: opts.reset });

  let t0 = Date.now();
  const idp = await startIdp(paths, {
    port: env.IDP_PORT,
    issuer: env.IDP_ISSUER,
    portalUrl: env.PORTAL_URL,
  });
  log.info(
    `idp      ${idp.reused ? 'reused' : 'started'} at ${env.IDP_ISSUER} pid ${idp.pid} (${secs(t0)})`,
  );

  t0 = Date.now();
  const seed = await runSeed({
    paths,
    size: opts.size,
    rucioPort: env.RUCIO_PORT,
    storagePort: env.STORAGE_PORT,
  });
  log.info(`seed     ${describeSeed(seed)} (${secs(t0)})`);

  // After the seed, which runs the judge and abacus itself: started earlier, the loop's passes
  // would share that work with the seed's (Rucio splits a daemon's work among live instances).
  t0 = Date.now();
  const transfers = await startTransfers(paths, {
    intervalSeconds: env.DEVSTACK_TRANSFER_INTERVAL,
    minTransferSeconds: env.DEVSTACK_TRANSFER_SECONDS,
  });
  log.info(
    `transfers ${transfers.reused ? 'reused' : 'started'} a round every ${env.DEVSTACK_TRANSFER_INTERVAL} s pid ${transfers.pid} (${secs(t0)})`,
  );

  t0 = Date.now();
  const web = await buildWeb(paths, opts.rebuildWeb);
  log.info(`web      ${web} apps/web/dist (${secs(t0)})`);

  t0 = Date.now();
  const redisUrl = await chooseRedis(env.REDIS_URL);
  log.info(`sessions ${redisUrl ? `in Redis at ${redisUrl}` : "in the BFF's embedded store"}`);
  const bff = await startBff(paths, {
    port: env.PORT,
    portalUrl: env.PORTAL_URL,
    issuer: env.IDP_ISSUER,
    rucioUrl: core.rucio.url,
    redisUrl,
    databaseUrl: core.portalDb.url,
  });
  log.info(
    `bff      ${bff.reused ? 'reused' : 'started'} at ${env.PORTAL_URL} pid ${bff.pid} (${secs(t0)})`,
  );
  log.info(`logs in ${paths.logs}`);

  process.stdout.write(`\nPortal ready: ${env.PORTAL_URL}\n`);
  for (const u of DEMO_USERS) {
    const account = u.rucioAccount ? `Rucio account ${u.rucioAccount}` : 'not mapped in Rucio';
    process.stdout.write(`  ${u.role.padEnd(10)} ${u.username} / ${u.password}  (${account})\n`);
  }
  return {
    portal: env.PORTAL_URL,
    rucio: core.rucio.url,
    issuer: env.IDP_ISSUER,
    storage: core.storage.url,
    portalDb: core.portalDb.url,
    redisUrl,
    seed,
  };
}
