import { readFileSync } from 'node:fs';

/** What one suite ran. `closing` is the plain line CI and people read. */
export interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Set when the runner itself failed (exit code) without a readable report. */
  error?: string;
}

export const closingLine = (label: string, r: Omit<SuiteResult, 'suite'>): string =>
  `${label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;

export function sumResults(results: SuiteResult[]): Omit<SuiteResult, 'suite'> {
  return results.reduce(
    (acc, r) => ({
      passed: acc.passed + r.passed,
      failed: acc.failed + r.failed + (r.error && r.failed === 0 ? 1 : 0),
      skipped: acc.skipped + r.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Vitest's `json` reporter (Jest-compatible numbers). */
export function parseVitestReport(suite: string, path: string): SuiteResult {
  const r = readJson(path) as Record<string, number>;
  return {
    suite,
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

/** Playwright's `json` reporter: stats.expected / unexpected / flaky / skipped. */
export function parsePlaywrightReport(suite: string, path: string): SuiteResult {
  const { stats } = readJson(path) as { stats: Record<string, number> };
  return {
    suite,
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

/** pytest's JUnit XML: the <testsuite> element's counters. */
export function parseJunitReport(suite: string, path: string): SuiteResult {
  const xml = readFileSync(path, 'utf8');
  const attr = (name: string): number =>
    Number(new RegExp(`<testsuite[^>]*\\s${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
  const total = attr('tests');
  const failed = attr('failures') + attr('errors');
  const skipped = attr('skipped');
  return { suite, passed: total - failed - skipped, failed, skipped };
}
