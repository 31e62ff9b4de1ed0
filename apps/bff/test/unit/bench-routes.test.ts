import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { makeApp } from './helpers.ts';

const csrf = { 'x-csrf': '1', origin: 'http://localhost:8080' };

describe('the benchmark memory probe', () => {
  it('when BENCH_ROUTES is not set, then POST /debug/memory does not exist', async () => {
    const t = makeApp();
    await request(t.app).post('/debug/memory').set(csrf).expect(404);
  });

  it('when BENCH_ROUTES=1, then POST /debug/memory answers the process memory and whether the heap was settled', async () => {
    const t = makeApp({ env: { BENCH_ROUTES: '1' } });
    const res = await request(t.app).post('/debug/memory').set(csrf).expect(200);
    const body = res.body as { gc: boolean; rss: number; heapUsed: number };
    expect(body.gc).toBe(typeof (globalThis as { gc?: unknown }).gc === 'function');
    expect(body.rss).toBeGreaterThan(body.heapUsed);
    expect(body.heapUsed).toBeGreaterThan(0);
  });

  it('when deployed, then BENCH_ROUTES is refused', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://portal.example.org',
        SESSION_SECRET: 'x'.repeat(32),
        OIDC_ISSUER: 'https://iam.example.org/',
        OIDC_CLIENT_ID: 'portal',
        OIDC_CLIENT_SECRET: 'secret',
        RUCIO_URL: 'https://rucio.example.org',
        DATABASE_URL: 'postgresql://127.0.0.1/portal',
        BENCH_ROUTES: '1',
      }),
    ).toThrow(/BENCH_ROUTES: must not be set when NODE_ENV=production/);
  });
});
