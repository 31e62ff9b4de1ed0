/**
 * `test`: every check in one command — lint, typecheck, unit tests, the seed's pytest, then the
 * real stack (brought up here if it is not running, and stopped again afterwards) for the BFF's
 * database tests, the BFF and devstack integration tests and the Playwright e2e run in Chromium.
 * Ends with one closing line.
 */
import { existsSync, readdirSync } from 'node:fs';
import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { join } from 'node:path';
import type { StackEnv } from './config.ts';
import { geoipDbPath } from '../core/geoip.ts';
import type { Logger } from '../lib/logger.ts';
import { pidPath, pythonDir, repoRoot, type StatePaths } from '../lib/paths.ts';
import { isAlive, readPid } from '../lib/pid-file.ts';
import { stopAll, stopDaemon } from '../lib/process.ts';
import type { SuiteResult } from '../test-all/reports.ts';
import {
  ensureDir,
  listWorkspaces,
  printSummary,
  run,
  runPlaywright,
  runPytest,
  runVitest,
} from '../test-all/run-tests.ts';
import { runSchemathesis } from '../test-all/schemathesis.ts';
import { up } from './up.ts';

const check = (suite: string, code: number): SuiteResult => ({
  suite,
  passed: code === 0 ? 1 : 0,
  failed: code === 0 ? 0 : 1,
  skipped: 0,
});

function staticAndUnit(paths: StatePaths, reports: string): SuiteResult[] {
  const results: SuiteResult[] = [];
  results.push(
    check(
      'lint',
      run('pnpm', ['-r', '--no-bail', '--workspace-concurrency=2', 'lint'], { cwd: repoRoot }),
    ),
  );
  results.push(
    check('format', run('pnpm', ['exec', 'prettier', '--check', '.'], { cwd: repoRoot })),
  );
  results.push(check('typecheck', run('pnpm', ['-r', 'typecheck'], { cwd: repoRoot })));
  for (const ws of listWorkspaces(repoRoot).filter((w) => w.scripts.test)) {
    const label = `unit-${ws.name.replace(/^@bdms\//, '')}`;
    results.push(runVitest(ws, reports, [], label));
  }
  return results;
}

async function integration(
  paths: StatePaths,
  env: StackEnv,
  reports: string,
  portalDb: string,
): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [];
  // hadolint comes with the venv (python/requirements.txt); there is no Docker engine to build with.
  const dockerfiles = readdirSync(join(repoRoot, 'docker')).filter((f) => f.endsWith('Dockerfile'));
  const hadolint = join(paths.venvBin, 'hadolint');
  const lint = dockerfiles.map((f) => run(hadolint, [join('docker', f)], { cwd: repoRoot }));
  results.push({
    suite: 'docker-lint',
    passed: lint.filter((c) => c === 0).length,
    failed: lint.filter((c) => c !== 0).length,
    skipped: 0,
  });
  // The seed's pytest: pure tests plus those against the seeded server (so none is skipped).
  const pyTests = join(pythonDir, 'tests');
  if (existsSync(pyTests)) {
    const seeded = {
      SEED_IT_RUCIO_URL: `http://127.0.0.1:${env.RUCIO_PORT}`,
      SEED_IT_USERNAME: RUCIO_ROOT.username,
      SEED_IT_PASSWORD: RUCIO_ROOT.password,
    };
    results.push(runPytest(paths.venvPython, pyTests, reports, seeded));
  }
  // Tests that use PostgreSQL work in throw-away schemas of the stack's own portal database; the
  // integration tests talk to this stack's Rucio and IdP, whatever ports it runs on.
  const dbEnv = {
    TEST_DATABASE_URL: portalDb,
    TEST_RUCIO_URL: `http://127.0.0.1:${env.RUCIO_PORT}`,
    TEST_IDP_ISSUER: env.IDP_ISSUER,
    TEST_GEOIP_CITY_DB: geoipDbPath(paths),
  };
  for (const ws of listWorkspaces(repoRoot)) {
    const name = ws.name.replace(/^@bdms\//, '');
    if (existsSync(join(ws.dir, 'vitest.db.config.ts')))
      results.push(
        runVitest(ws, reports, ['--config', 'vitest.db.config.ts'], `db-${name}`, dbEnv),
      );
    const config = ['vitest.integration.config.ts', 'vitest.int.config.ts'].find((c) =>
      existsSync(join(ws.dir, c)),
    );
    if (!config) continue;
    results.push(runVitest(ws, reports, ['--config', config], `integration-${name}`, dbEnv));
  }
  results.push(await runSchemathesis(paths, env.PORTAL_URL, reports, env.SCHEMATHESIS_SEED));
  results.push(
    runPlaywright(join(repoRoot, 'e2e'), reports, {
      PORTAL_URL: env.PORTAL_URL,
      RUCIO_URL: `http://127.0.0.1:${env.RUCIO_PORT}`,
      OIDC_ISSUER: env.IDP_ISSUER,
    }),
  );
  return results;
}

export async function test(paths: StatePaths, env: StackEnv, log: Logger): Promise<boolean> {
  const reports = ensureDir(join(paths.root, 'reports'));
  const bffPid = readPid(pidPath(paths, 'bff'));
  // Not isAlive(-1): kill(-1, 0) asks about every process and succeeds.
  const alreadyUp = bffPid !== undefined && isAlive(bffPid);
  const results = staticAndUnit(paths, reports);
  try {
    // A BFF left running from an older checkout would be reused; the tests must hit this code.
    await stopDaemon(paths, 'bff');
    const stack = await up(paths, env, log, { reset: false, size: 'small', rebuildWeb: true });
    results.push(...(await integration(paths, env, reports, stack.portalDb)));
  } catch (err) {
    log.error(err instanceof Error ? err.message : String(err));
    results.push({
      suite: 'stack-up',
      passed: 0,
      failed: 1,
      skipped: 0,
      error: 'the stack did not come up',
    });
  } finally {
    if (!alreadyUp) log.info(`stopped ${(await stopAll(paths)).join(', ') || 'nothing'}`);
  }
  return printSummary(results);
}
