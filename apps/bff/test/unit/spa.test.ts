import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from './helpers.ts';

function dist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bff-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>BDMS</title><div id="root"></div>',
  );
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  return dir;
}

describe('serving the SPA', () => {
  it('when a client-side route is requested, then index.html is served, uncached, with a CSP', async () => {
    const t = makeApp({ env: { WEB_DIST_DIR: dist() } });
    const res = await request(t.app).get('/dids/acada');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("form-action 'self' http://idp.test");
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('when a hashed asset is requested, then it is served immutable', async () => {
    const t = makeApp({ env: { WEB_DIST_DIR: dist() } });
    const res = await request(t.app).get('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('when /api or /auth paths are unknown, then they get JSON, never index.html', async () => {
    const t = makeApp({ env: { WEB_DIST_DIR: dist() } });
    expect((await request(t.app).get('/auth/nope')).body.error.code).toBe('not_found');
    expect((await request(t.app).get('/api/nope')).status).toBe(401);
  });

  it('when the SPA is not built, then a clear 503 page instead of a crash', async () => {
    const t = makeApp();
    const res = await request(t.app).get('/');
    expect(res.status).toBe(503);
    expect(res.text).toContain('pnpm --filter @bdms/web build');
  });
});
