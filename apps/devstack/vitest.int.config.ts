import { defineConfig } from 'vitest/config';

// Real services: one file at a time, generous timeouts (a cold Rucio bootstrap takes seconds).
export default defineConfig({
  test: {
    include: ['**/*.int.test.ts'],
    exclude: ['**/node_modules/**'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
