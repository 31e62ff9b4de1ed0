import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inheritedEnv } from '../core/config.ts';
import {
  closingLine,
  parseJunitReport,
  parsePlaywrightReport,
  parseVitestReport,
  sumResults,
  type SuiteResult,
} from './reports.ts';

interface Workspace {
  name: string;
  dir: string;
  scripts: Record<string, string>;
}

/** Workspace packages (apps/*, packages/*), read from their package.json files. */
export function listWorkspaces(root: string): Workspace[] {
  return ['apps', 'packages'].flatMap((group) =>
    readdirSync(join(root, group))
      .map((d) => join(root, group, d))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .map((dir) => {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name: string;
          scripts?: Record<string, string>;
        };
        return { name: pkg.name, dir, scripts: pkg.scripts ?? {} };
      }),
  );
}

/** Runs a command with inherited output; returns its exit code. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv },
): number {
  process.stdout.write(`\n[test] $ ${cmd} ${args.join(' ')}  (in ${opts.cwd})\n`);
  const res = spawnSync(cmd, args, {
    cwd: opts.cwd,
    stdio: 'inherit',
    env: { ...inheritedEnv(), ...opts.env },
  });
  return res.status ?? 1;
}

/** Runs one vitest suite with a JSON report next to the human one, and reads the counts back. */
export function runVitest(
  ws: Workspace,
  reportsDir: string,
  extraArgs: string[],
  label: string,
  env: NodeJS.ProcessEnv = {},
): SuiteResult {
  const report = join(reportsDir, `${label.replace(/[^\w.-]+/g, '_')}.json`);
  rmSync(report, { force: true });
  const code = run(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      ...extraArgs,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: ws.dir, env },
  );
  return withExit(label, code, report, parseVitestReport);
}

/** `stack`: where the stack under test answers (PORTAL_URL, RUCIO_URL, OIDC_ISSUER; e2e/support/env.ts). */
export function runPlaywright(
  e2eDir: string,
  reportsDir: string,
  stack: NodeJS.ProcessEnv = {},
): SuiteResult {
  const report = join(reportsDir, 'e2e-chromium.json');
  rmSync(report, { force: true });
  const code = run('pnpm', ['exec', 'playwright', 'test'], {
    cwd: e2eDir,
    env: { ...stack, E2E_JSON_REPORT: report },
  });
  return withExit('e2e-chromium', code, report, parsePlaywrightReport);
}

export function runPytest(
  python: string,
  testsDir: string,
  reportsDir: string,
  env: NodeJS.ProcessEnv = {},
): SuiteResult {
  const report = join(reportsDir, 'pytest.xml');
  rmSync(report, { force: true });
  const code = run(
    python,
    ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', testsDir, `--junitxml=${report}`],
    {
      cwd: testsDir,
      env,
    },
  );
  return withExit('pytest-seed', code, report, parseJunitReport);
}

function withExit(
  suite: string,
  code: number,
  report: string,
  parse: (suite: string, path: string) => SuiteResult,
): SuiteResult {
  const result = existsSync(report)
    ? parse(suite, report)
    : { suite, passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && result.failed === 0) result.error = `exited with code ${code}`;
  if (result.passed + result.failed === 0 && !result.error) result.error = 'ran no test';
  return result;
}

export function printSummary(results: SuiteResult[]): boolean {
  process.stdout.write('\n[test] summary\n');
  for (const r of results) {
    process.stdout.write(`${closingLine(r.suite, r)}${r.error ? `  (${r.error})` : ''}\n`);
  }
  const total = sumResults(results);
  process.stdout.write(`${closingLine('total', total)}\n`);
  return total.failed === 0;
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
