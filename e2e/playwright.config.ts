import { defineConfig } from '@playwright/test';
import { e2eEnv } from './support/env.ts';

/**
 * Runs against the real local stack (`npm start` / the test command bring it up): Debian's
 * Chromium, never a browser Playwright downloads.
 */
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: e2eEnv.ci,
  reporter: [['list'], ['json', { outputFile: e2eEnv.jsonReport }]],
  use: {
    baseURL: e2eEnv.portalUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: e2eEnv.chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
