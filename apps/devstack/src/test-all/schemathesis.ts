/**
 * Schemathesis against the real BFF on the running stack: the OpenAPI document the BFF serves,
 * every operation, every check, with a signed-in session of the fuzz user (@bdms/dev-fixtures
 * FUZZ_USER, an astronomer of its own: what its writes leave behind is nobody else's) and the
 * headers the SPA sends on writes (X-CSRF and the portal's Origin), so that writes are fuzzed
 * past the CSRF check. NDJSON responses are validated line by line by
 * python/schemathesis/ndjson_hooks.py.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FUZZ_USER } from '@bdms/dev-fixtures';
import { portalSession } from '../bench/sessions.ts';
import { pythonDir, type StatePaths } from '../lib/paths.ts';
import { parseJunitReport, type SuiteResult } from './reports.ts';
import { run } from './run-tests.ts';

const dir = join(pythonDir, 'schemathesis');

/** Counts what the issue asks to see, from the JUnit report's failure texts. */
function figures(report: string): string {
  const xml = existsSync(report) ? readFileSync(report, 'utf8') : '';
  const count = (pattern: RegExp): number => (xml.match(pattern) ?? []).length;
  const operations = count(/<testcase /g);
  return [
    `operations ${String(operations)}`,
    `server errors ${String(count(/Server error/g))}`,
    `undocumented status codes ${String(count(/Undocumented HTTP status code/g))}`,
    `schema violations ${String(count(/Response violates schema|does not match the schema/g))}`,
  ].join(', ');
}

/** `a=1; bdms_session=s%3A…` → the bdms_session cookie's value. */
function sessionValue(cookieHeader: string): string {
  const pair = cookieHeader.split(/;\s*/).find((c) => c.startsWith('bdms_session='));
  if (!pair) throw new Error('the portal sign-in gave no bdms_session cookie');
  return pair.slice('bdms_session='.length);
}

export async function runSchemathesis(
  paths: StatePaths,
  portalUrl: string,
  reportsDir: string,
  /** Fixed in CI (repeatable); SCHEMATHESIS_SEED explores other inputs locally. */
  seed: string,
): Promise<SuiteResult> {
  const report = join(reportsDir, 'schemathesis.xml');
  rmSync(report, { force: true });
  const cookie = await portalSession(portalUrl, FUZZ_USER);
  const code = run(
    join(paths.venvBin, 'schemathesis'),
    [
      '--config-file',
      join(dir, 'schemathesis.toml'),
      'run',
      `${portalUrl}/api/openapi.json`,
      '--checks',
      'all',
      // One worker: with two, Hypothesis describes its filter lambdas (ast.parse) on two threads
      // at once, which Debian 12's Python 3.11.2 can fail with "SystemError: AST constructor
      // recursion depth mismatch" (CPython gh-106905, fixed in later 3.11 releases): a tool
      // error that failed one CI run, not a finding about the BFF.
      '--workers',
      '1',
      '--max-examples',
      '40',
      '--seed',
      seed,
      '--report',
      'junit',
      '--report-junit-path',
      report,
    ],
    {
      // Schemathesis keeps a run cache in its working folder: keep it out of the source tree.
      cwd: reportsDir,
      env: {
        BDMS_SESSION_ID: sessionValue(cookie),
        BDMS_PORTAL_ORIGIN: new URL(portalUrl).origin,
        SCHEMATHESIS_HOOKS: 'ndjson_hooks',
        PYTHONPATH: dir,
      },
    },
  );
  process.stdout.write(`[test] schemathesis: ${figures(report)}\n`);
  const result = existsSync(report)
    ? parseJunitReport('schemathesis', report)
    : { suite: 'schemathesis', passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.error = `exited with code ${String(code)}`;
  }
  return result;
}
