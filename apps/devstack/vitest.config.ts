import { configDefaults, defineConfig } from 'vitest/config';

// The default `test` run is fast and needs nothing running; `*.int.test.ts` files start real
// services (PostgreSQL, Rucio, WsgiDAV) and run with `pnpm test:int` (vitest.int.config.ts).
export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '**/*.int.test.ts'],
  },
});
