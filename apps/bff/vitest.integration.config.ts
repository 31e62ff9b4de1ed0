import { defineConfig } from 'vitest/config';

/**
 * Against the real dev IdP and Rucio (4400 and 4410, or TEST_IDP_ISSUER and TEST_RUCIO_URL; see
 * test/integration/stack.ts and global-setup.ts).
 */
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
