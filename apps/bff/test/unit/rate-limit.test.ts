import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from './helpers.ts';

describe('/auth/* rate limit', () => {
  it('when one client exceeds the per-minute limit, then 429 rate_limited with Retry-After; /api is not limited', async () => {
    const t = makeApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '5' } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await request(t.app).get('/auth/login').accept('json')).status);
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429, 429]);
    const limited = await request(t.app).get('/auth/login').accept('json');
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.message).toMatch(/wait a minute/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(t.app).get('/api/health')).status).toBe(200);
  });

  it('when a browser is limited, then it lands on the portal with an explanation', async () => {
    const t = makeApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1' } });
    await request(t.app).get('/auth/login').accept('html');
    const limited = await request(t.app).get('/auth/login').accept('html');
    expect(limited.status).toBe(303);
    expect(limited.headers.location).toBe('http://localhost:8080/?signInError=rate_limited');
  });
});
