/**
 * The Node parts of the stack: the dev IdP and the BFF (serving the built SPA), run from source
 * with tsx as supervised daemons, plus the SPA build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_CLIENTS, DEV_STORAGE_AUDIENCE, RUCIO_AUDIENCE } from '@bdms/dev-fixtures';
import { inheritedEnv } from '../core/config.ts';
import { geoipDbPath } from '../core/geoip.ts';
import { httpStatus } from '../lib/http.ts';
import { logPath, repoRoot, type StatePaths } from '../lib/paths.ts';
import { startDaemon, type DaemonStatus } from '../lib/process.ts';
import { runLogged } from '../lib/run.ts';

export const appDir = (name: string): string => join(repoRoot, 'apps', name);
const tsxArgs = (entry: string): string[] => ['--import', 'tsx', entry];

/**
 * Node's flags for the BFF, wherever it runs (here, `apps/bff` `pnpm start`, the image's CMD; a
 * unit test holds the three together). V8 counts the bytes of the ArrayBuffers allocated since
 * its last full GC against the old generation's limit, which it sets just above the live heap
 * (about 61 MB for the BFF's 38 MB). Streaming a bundle at 500-650 MB/s, every socket read is
 * such a buffer, and the slack ran out again and again: a full GC every 60-80 ms (70-97 in 7 GiB),
 * on the main thread and V8's helper threads, 2.5-3.7 s of BFF CPU per GiB instead of 1.3, the
 * ZIP at 0.58-0.79 of the storage's speed (--trace-gc, --trace-incremental-marking). With 96 MB
 * before the first full GC: 10 in 7 GiB, 1.36 s per GiB, 1.02. 72 MB still stormed (74); 128 MB
 * left 2, but a 100 000-file script then let 56-72 MiB of garbage pile up before its full GC,
 * where 96 MB lets 24 (the bench's RSS figures).
 */
export const BFF_NODE_FLAGS = ['--initial-old-space-size=96'];

export interface IdpOptions {
  port: number;
  issuer: string;
  portalUrl: string;
}

export function startIdp(paths: StatePaths, o: IdpOptions): Promise<DaemonStatus> {
  return startDaemon(paths, {
    name: 'idp',
    command: process.execPath,
    args: tsxArgs('src/main.ts'),
    cwd: appDir('dev-idp'),
    env: {
      ...inheritedEnv(),
      NODE_ENV: 'development',
      IDP_PORT: String(o.port),
      IDP_ISSUER: o.issuer,
      IDP_PORTAL_REDIRECT_URIS: `${o.portalUrl}/auth/callback`,
    },
    health: async () => (await httpStatus(`${o.issuer}.well-known/openid-configuration`)) === 200,
    timeoutMs: 30_000,
  });
}

export interface BffOptions {
  port: number;
  portalUrl: string;
  issuer: string;
  rucioUrl: string;
  redisUrl: string | undefined;
  /** The portal database (core-up's portalDb). */
  databaseUrl: string;
  /**
   * The benchmark's own BFF: another daemon (`bff-bench`) beside the developer's, with the memory
   * probe route and a heap it can settle (--expose-gc).
   */
  bench?: boolean;
}

export function startBff(paths: StatePaths, o: BffOptions): Promise<DaemonStatus> {
  return startDaemon(paths, {
    name: o.bench ? 'bff-bench' : 'bff',
    command: process.execPath,
    args: [...BFF_NODE_FLAGS, ...(o.bench ? ['--expose-gc'] : []), ...tsxArgs('src/main.ts')],
    cwd: appDir('bff'),
    env: {
      ...inheritedEnv(),
      NODE_ENV: 'development',
      PORT: String(o.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: o.portalUrl,
      OIDC_ISSUER: o.issuer,
      OIDC_CLIENT_ID: DEV_CLIENTS.portal.clientId,
      OIDC_CLIENT_SECRET: DEV_CLIENTS.portal.clientSecret,
      OIDC_ALLOW_INSECURE: '1',
      // Every test suite signs in from 127.0.0.1: the production default (60) would throttle it.
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      // The maps stay offline (bundled outline) whatever the developer's shell exports: the e2e
      // suite and closed networks must not depend on a tile server.
      MAP_TILE_URL: '',
      RUCIO_AUDIENCE,
      // Storage tokens: the user's by a narrower refresh, the links client's for signed links.
      STORAGE_AUDIENCE: DEV_STORAGE_AUDIENCE,
      LINKS_CLIENT_ID: DEV_CLIENTS.links.clientId,
      LINKS_CLIENT_SECRET: DEV_CLIENTS.links.clientSecret,
      RUCIO_URL: o.rucioUrl,
      DATABASE_URL: o.databaseUrl,
      WEB_DIST_DIR: join(appDir('web'), 'dist'),
      // The devstack's GeoIP database (core/geoip.ts), the one Rucio sorts with: the BFF sends
      // Rucio the user's coordinates with their address.
      GEOIP_CITY_DB: geoipDbPath(paths),
      ...(o.redisUrl ? { REDIS_URL: o.redisUrl } : {}),
      ...(o.bench ? { BENCH_ROUTES: '1' } : {}),
    },
    // Another database (e.g. RUCIO_DB_URL changed) or GeoIP database restarts a running BFF
    // instead of reusing it.
    fingerprint: `${o.databaseUrl} ${geoipDbPath(paths)}`,
    // 200 when every part is healthy; the portal is only "ready" then.
    health: async () => (await httpStatus(`http://127.0.0.1:${o.port}/api/health`)) === 200,
    timeoutMs: 60_000,
  });
}

/** Newest modification time below `dir` (skipping node_modules and dist). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the SPA when it was never built or its sources (or the contract) changed since. */
export async function buildWeb(paths: StatePaths, force = false): Promise<'built' | 'reused'> {
  const index = join(appDir('web'), 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(join(appDir('web'), 'src')),
    newestMtime(join(repoRoot, 'packages', 'contract', 'src')),
  );
  if (!force && existsSync(index) && statSync(index).mtimeMs > sources) return 'reused';
  await runLogged('pnpm', ['--filter', '@bdms/web', 'build'], {
    part: 'web build',
    logFile: logPath(paths, 'web-build'),
    cwd: repoRoot,
  });
  return 'built';
}
