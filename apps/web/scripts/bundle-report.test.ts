import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_BUDGET_KB,
  formatReport,
  measureRoutes,
  routeBudgets,
  ROUTES,
  type RouteSize,
} from './bundle-report.ts';

const webDir = join(import.meta.dirname, '..');
const BUILD_TIMEOUT_MS = 180_000;

/** `vite build` as a user runs it (a child process, NODE_ENV=production), into a temp dir. */
async function buildInto(outDir: string): Promise<void> {
  const vite = join(webDir, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  await promisify(execFile)(process.execPath, args, {
    cwd: webDir,
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

describe('first-load JavaScript per route (a fresh production build)', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'bdms-web-build-'));
  let sizes: RouteSize[] = [];

  beforeAll(async () => {
    await buildInto(outDir);
    sizes = measureRoutes(outDir);
    process.stdout.write(
      `\nFirst-load JS per route (gzip, kB = 1000 B):\n${formatReport(sizes)}\n`,
    );
  }, BUILD_TIMEOUT_MS);

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('measures every route, including lazy pages no budget line names', () => {
    expect(sizes.map((s) => s.route)).toEqual(expect.arrayContaining(ROUTES.map((r) => r.route)));
    for (const s of sizes) expect(s.gzipKb).toBeGreaterThan(0);
  });

  it('keeps each route within its budget (the scopes page 170 kB, others 200 kB)', () => {
    expect(sizes.filter((s) => !s.ok).map((s) => `${s.route}: ${s.gzipKb} kB`)).toEqual([]);
  });
});

describe('routeBudgets', () => {
  it('when a lazy module has no budget line, then it is reported under its path with the default budget', () => {
    const manifest = {
      'index.html': { file: 'assets/index.js', dynamicImports: ['src/a.tsx', 'src/new-page.tsx'] },
    };
    const budgets = routeBudgets(manifest, [{ route: '/a', module: 'src/a.tsx', budgetKb: 170 }]);
    expect(budgets).toEqual([
      { route: '/a', module: 'src/a.tsx', budgetKb: 170 },
      { route: 'src/new-page.tsx', module: 'src/new-page.tsx', budgetKb: DEFAULT_BUDGET_KB },
    ]);
  });
});
