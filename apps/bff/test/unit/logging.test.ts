import { Writable } from 'node:stream';
import request from 'supertest';
import session from 'express-session';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createLogger, loggableUrl } from '../../src/logger.ts';
import { login, stubOidc, stubRucio, testConfig } from './helpers.ts';
import { memoryAudit } from './memory-audit.ts';
import { memorySavedSearches } from './memory-saved-searches.ts';
import { memoryBasket } from './memory-basket.ts';
import { memoryLinks } from './memory-links.ts';
import { memoryQuotaAudit } from './memory-quota-audit.ts';

describe('logging', () => {
  it('when the callback URL is logged, then code and state are redacted', () => {
    expect(loggableUrl('/auth/callback?code=abc&state=def&iss=x')).toBe(
      '/auth/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&iss=x',
    );
    expect(loggableUrl('/api/me')).toBe('/api/me');
  });

  it('when requests carry cookies and tokens, then no secret reaches the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const config = testConfig({ LOG_LEVEL: 'trace' });
    const [oidc, rucio, store] = [stubOidc(), stubRucio(), new session.MemoryStore()];
    const [audit, savedSearches, basket] = [memoryAudit(), memorySavedSearches(), memoryBasket()];
    const links = memoryLinks();
    const app = createApp({
      config,
      logger: createLogger(config, sink),
      oidc: oidc.port,
      rucio: rucio.rucio,
      sessionStore: store,
      healthCacheMs: 0,
      audit,
      savedSearches,
      basket,
      links,
      quotaAudit: memoryQuotaAudit(),
    });
    const t = { app, config, store, oidc, rucio, audit, savedSearches, basket, links };
    const { sessionCookie } = await login(t);
    await request(app)
      .get('/api/me')
      .set('Cookie', sessionCookie)
      .set('Authorization', 'Bearer BEARER-SECRET')
      .set('X-Rucio-Auth-Token', 'RUCIO-SECRET');
    const log = lines.join('');
    expect(log).toContain('"url":"/api/me"');
    expect(log).toContain('"id":'); // request id on every line
    for (const secret of [
      'BEARER-SECRET',
      'RUCIO-SECRET',
      'AT-SECRET',
      'RT-SECRET',
      'IDT-SECRET',
      sessionCookie.split('=')[1] ?? 'x',
      'the-code',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
