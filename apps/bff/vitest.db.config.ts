import { defineConfig } from 'vitest/config';

/**
 * Against the real PostgreSQL only (no IdP, no Rucio): migrations, repositories, start().
 * Each file works in a schema of its own, so files may run in parallel.
 */
export default defineConfig({
  test: {
    include: ['test/db/**/*.test.ts'],
    globalSetup: ['test/db/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
