/**
 * The dev storage server: WsgiDAV from the venv on 127.0.0.1 (python/storage_server.py),
 * serving .devstack/storage/ (one folder per RSE, created by the seed). Anonymous read with
 * Range; writes need Basic auth as STORAGE_WRITER. It also listens on each RSE's own address
 * (DEV_RSE_HOSTS, the hosts of the RSEs' protocols), same port and same tree, so that Rucio's
 * GeoIP sort can tell the RSEs apart, and serves read-only shares (the GeoIP archive).
 */
import { DEV_HOST, DEV_RSE_HOSTS, STORAGE_WRITER, storageWriterAuth } from '@bdms/dev-fixtures';
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

/** `shares`: URL path → folder, served read-only (e.g. { '/geoip': '.devstack/geoip' }). */
export async function startStorage(
  paths: StatePaths,
  port: number,
  shares: Record<string, string> = {},
): Promise<DaemonStatus> {
  mkdirSync(paths.storage, { recursive: true });
  const args = [join(pythonDir, 'storage_server.py'), paths.storage, DEV_HOST, String(port)];
  args.push('--also', Object.values(DEV_RSE_HOSTS).join(','));
  for (const [path, dir] of Object.entries(shares)) args.push('--share', `${path}=${dir}`);
  return startDaemon(paths, {
    name: 'storage',
    command: paths.venvPython,
    args,
    env: {
      ...inheritedEnv(),
      DEVSTACK_STORAGE_USER: STORAGE_WRITER.username,
      DEVSTACK_STORAGE_PASSWORD: STORAGE_WRITER.password,
    },
    health: async () => {
      const rses = Object.keys(DEV_RSE_HOSTS) as (keyof typeof DEV_RSE_HOSTS)[];
      const urls = [storageUrl(port), ...rses.map((rse) => rseStorageUrl(rse, port))];
      return (await Promise.all(urls.map((u) => httpAnswers(`${u}/`)))).every(Boolean);
    },
    timeoutMs: 30_000,
  });
}

export const stopStorage = (paths: StatePaths): Promise<boolean> => stopDaemon(paths, 'storage');
