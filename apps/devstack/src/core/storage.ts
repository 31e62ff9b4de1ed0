/**
 * The dev storage server: WsgiDAV from the venv on 127.0.0.1 (python/storage_server.py),
 * serving .devstack/storage/ (one folder per RSE, created by the seed). Reads (with Range) need
 * a bearer token from the dev IdP for DEV_STORAGE_AUDIENCE with `storage.read:<path>`, or the
 * dev writer's Basic auth (STORAGE_WRITER), which writes need. It also listens on each RSE's own
 * address (DEV_RSE_HOSTS, the hosts of the RSEs' protocols), same port and same tree, so that
 * Rucio's GeoIP sort can tell the RSEs apart, and serves read-only shares (the GeoIP archive) to
 * anyone. It serves the same over HTTPS on the next port (storageTlsPort; self-signed, its key in
 * .devstack/storage-tls), where the RSEs' read-only `https` protocols point: the one Rucio's own
 * download client can read (python/storage_tls.py).
 */
import {
  DEV_HOST,
  DEV_RSE_HOSTS,
  DEV_STORAGE_AUDIENCE,
  STORAGE_WRITER,
  storageTlsPort,
  storageWriterAuth,
} from '@bdms/dev-fixtures';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inheritedEnv } from './config.ts';
import { httpAnswers } from '../lib/http.ts';
import { pythonDir, type StatePaths } from '../lib/paths.ts';
import { startDaemon, stopDaemon, type DaemonStatus } from '../lib/process.ts';

/** Shared with the e2e tests, which put fresh files on the storage too. */
export { STORAGE_WRITER, storageWriterAuth };

export const storageUrl = (port: number): string => `http://${DEV_HOST}:${port}`;

/** Where an RSE's replicas are served (its protocol's host): `http://127.0.0.x:<port>`. */
export const rseStorageUrl = (rse: keyof typeof DEV_RSE_HOSTS, port: number): string =>
  `http://${DEV_RSE_HOSTS[rse]}:${port}`;

/**
 * `issuer`: whose tokens grant reads (its discovery names the keys; fetched when the first token
 * comes, so the IdP may start later). `shares`: URL path → folder, served read-only to anyone
 * (e.g. { '/geoip': '.devstack/geoip' }).
 */
export async function startStorage(
  paths: StatePaths,
  port: number,
  issuer: string,
  shares: Record<string, string> = {},
): Promise<DaemonStatus> {
  mkdirSync(paths.storage, { recursive: true });
  const args = [join(pythonDir, 'storage_server.py'), paths.storage, DEV_HOST, String(port)];
  args.push('--also', Object.values(DEV_RSE_HOSTS).join(','));
  args.push(
    '--tls-port',
    String(storageTlsPort(port)),
    '--tls-dir',
    join(paths.root, 'storage-tls'),
  );
  for (const [path, dir] of Object.entries(shares)) args.push('--share', `${path}=${dir}`);
  return startDaemon(paths, {
    name: 'storage',
    command: paths.venvPython,
    args,
    env: {
      ...inheritedEnv(),
      DEVSTACK_STORAGE_USER: STORAGE_WRITER.username,
      DEVSTACK_STORAGE_PASSWORD: STORAGE_WRITER.password,
      DEVSTACK_STORAGE_ISSUER: issuer,
      DEVSTACK_STORAGE_AUDIENCE: DEV_STORAGE_AUDIENCE,
    },
    // Another issuer or audience (not in argv) restarts a running storage instead of reusing it.
    fingerprint: `${issuer} ${DEV_STORAGE_AUDIENCE}`,
    health: async () => {
      const rses = Object.keys(DEV_RSE_HOSTS) as (keyof typeof DEV_RSE_HOSTS)[];
      const urls = [storageUrl(port), ...rses.map((rse) => rseStorageUrl(rse, port))];
      return (await Promise.all(urls.map((u) => httpAnswers(`${u}/`)))).every(Boolean);
    },
    timeoutMs: 30_000,
  });
}

export const stopStorage = (paths: StatePaths): Promise<boolean> => stopDaemon(paths, 'storage');
