/**
 * The dev storage server: WsgiDAV from the venv on 127.0.0.1 (python/storage_server.py),
 * serving .devstack/storage/ (one folder per RSE, created by the seed). Anonymous read with
 * Range; writes need Basic auth as STORAGE_WRITER.
 */
import { DEV_HOST } from '@bdms/dev-fixtures';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inheritedEnv } from './config.ts';
import { httpAnswers } from '../lib/http.ts';
import { pythonDir, type StatePaths } from '../lib/paths.ts';
import { startDaemon, stopDaemon, type DaemonStatus } from '../lib/process.ts';

/** Dev-only credentials of the one account allowed to PUT/DELETE/MKCOL on the storage. */
export const STORAGE_WRITER = { username: 'devstack', password: 'dev-storage-secret' } as const;

export const storageUrl = (port: number): string => `http://${DEV_HOST}:${port}`;

/** `Authorization` header value for writes (the seed and tests use it). */
export const storageWriterAuth = (): string =>
  `Basic ${Buffer.from(`${STORAGE_WRITER.username}:${STORAGE_WRITER.password}`).toString('base64')}`;

export async function startStorage(paths: StatePaths, port: number): Promise<DaemonStatus> {
  mkdirSync(paths.storage, { recursive: true });
  return startDaemon(paths, {
    name: 'storage',
    command: paths.venvPython,
    args: [join(pythonDir, 'storage_server.py'), paths.storage, DEV_HOST, String(port)],
    env: {
      ...inheritedEnv(),
      DEVSTACK_STORAGE_USER: STORAGE_WRITER.username,
      DEVSTACK_STORAGE_PASSWORD: STORAGE_WRITER.password,
    },
    health: () => httpAnswers(`${storageUrl(port)}/`),
    timeoutMs: 30_000,
  });
}

export const stopStorage = (paths: StatePaths): Promise<boolean> => stopDaemon(paths, 'storage');
