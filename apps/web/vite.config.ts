import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// In development the BFF owns /api and /auth; proxying keeps the SPA same-origin with it, exactly
// as in production where the BFF serves dist/ itself (cookies are SameSite=Strict).
const bff = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': bff, '/auth': bff },
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // scripts/bundle-report.ts reads it to tell each route's first-load size.
    manifest: true,
    rolldownOptions: {
      output: {
        // Vendors change far less often than our code: separate chunks stay cached across deploys.
        // Only what the first page load needs ($initial) is grouped: a library used by one lazy
        // page stays in that page's chunks instead of weighing on every page's first load.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              tags: ['$initial'],
              priority: 30,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|@tabler)/,
              tags: ['$initial'],
              priority: 20,
            },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          setupFiles: ['./src/testing/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
          css: false,
        },
      },
      {
        // Builds the app (~10-40 s) and fails when a route's first load exceeds its budget.
        extends: true,
        test: { name: 'bundle', environment: 'node', include: ['scripts/**/*.test.ts'] },
      },
    ],
  },
});
