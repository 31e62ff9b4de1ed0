import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  closingLine,
  parseJunitReport,
  parsePlaywrightReport,
  parseVitestReport,
  sumResults,
} from './reports.ts';

const dir = mkdtempSync(join(tmpdir(), 'reports-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('test reports', () => {
  it('reads vitest, playwright and junit counters', () => {
    const v = parseVitestReport(
      'unit',
      file(
        'v.json',
        JSON.stringify({
          numPassedTests: 7,
          numFailedTests: 1,
          numPendingTests: 2,
          numTodoTests: 0,
        }),
      ),
    );
    const p = parsePlaywrightReport(
      'e2e',
      file(
        'p.json',
        JSON.stringify({ stats: { expected: 3, unexpected: 0, flaky: 1, skipped: 0 } }),
      ),
    );
    const j = parseJunitReport(
      'py',
      file(
        'j.xml',
        '<testsuites><testsuite name="pytest" errors="1" failures="0" skipped="1" tests="9"></testsuite></testsuites>',
      ),
    );
    expect([v, p, j].map((r) => [r.passed, r.failed, r.skipped])).toEqual([
      [7, 1, 2],
      [4, 0, 0],
      [7, 1, 1],
    ]);
  });

  it('counts a runner that crashed without a report as a failure', () => {
    const total = sumResults([
      { suite: 'a', passed: 2, failed: 0, skipped: 0 },
      { suite: 'b', passed: 0, failed: 0, skipped: 0, error: 'exit 1' },
    ]);
    expect(closingLine('total', total)).toBe('total: 2 passed, 1 failed, 0 skipped');
  });
});
