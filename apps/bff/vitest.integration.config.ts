import { defineConfig } from 'vitest/config';

/** Against the real dev IdP (4400) and the real Rucio (4410); see test/integration/global-setup.ts. */
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
