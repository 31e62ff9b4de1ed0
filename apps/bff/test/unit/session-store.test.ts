import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createClient } from 'redis';
import { createSessionStore, type SessionStore } from '../../src/auth/session.ts';
import { login, makeApp, testConfig } from './helpers.ts';

const REDIS_URL = 'redis://127.0.0.1:6379/15';
const logger = pino({ level: 'silent' });

async function redisUp(): Promise<boolean> {
  const probe = createClient({
    url: REDIS_URL,
    socket: { connectTimeout: 500, reconnectStrategy: false },
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.flushDb();
    await probe.close();
    return true;
  } catch {
    return false;
  }
}

describe('embedded session store (default)', () => {
  it('when REDIS_URL is unset, then the bounded in-process store is used and login works', async () => {
    const sessions = await createSessionStore(testConfig(), logger);
    expect(sessions.kind).toBe('memory');
    const t = makeApp({ store: sessions.store });
    const { sessionCookie } = await login(t);
    expect((await request(t.app).get('/api/me').set('Cookie', sessionCookie)).status).toBe(200);
    await sessions.close();
  });
});

// Redis runs on 127.0.0.1:6379 on the dev machines and in CI; say so loudly when it does not.
// In CI (CI=true) Redis is part of the machine, so a missing one fails instead of skipping.
const up = (await redisUp()) || Boolean(process.env.CI);
describe.skipIf(!up)('Redis session store (REDIS_URL)', () => {
  let sessions: SessionStore;
  beforeAll(async () => {
    sessions = await createSessionStore(testConfig({ REDIS_URL }), logger);
  });
  afterAll(async () => {
    await sessions.close();
  });

  it('when REDIS_URL is set, then sessions live in Redis and a completed sign-in cannot be replayed on any replica', async () => {
    expect(sessions.kind).toBe('redis');
    const t = makeApp({ store: sessions.store });
    const { sessionCookie, txCookie, state } = await login(t);
    expect((await request(t.app).get('/api/me').set('Cookie', sessionCookie)).status).toBe(200);
    // A second BFF replica sharing the store sees the same session.
    const replica = makeApp({ store: sessions.store });
    expect((await request(replica.app).get('/api/me').set('Cookie', sessionCookie)).status).toBe(
      200,
    );
    // The completed transaction is remembered in Redis: replaying it on the replica fails.
    const replay = await request(replica.app)
      .get('/auth/callback')
      .query({ code: 'c', state })
      .set('Cookie', txCookie);
    expect(replay.status).toBe(400);
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const keys = await client.keys('bdms:sess:*');
    await client.close();
    expect(keys.some((k) => k.includes('login-used:'))).toBe(true);
  });

  it('when anonymous clients start sign-ins, then nothing is written to Redis', async () => {
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const before = await client.dbSize();
    const t = makeApp({ store: sessions.store, redisCommand: sessions.redisCommand });
    for (let i = 0; i < 20; i++) await request(t.app).get('/auth/login');
    // Only the rate limiter's one counter for this client appears.
    const added = (await client.dbSize()) - before;
    await client.close();
    expect(added).toBeLessThanOrEqual(1);
  });

  it('when two replicas share Redis, then the /auth rate limit counts one client across both', async () => {
    const env = { AUTH_RATE_LIMIT_PER_MINUTE: '4' };
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    for (const key of await client.keys('bdms:rl:*')) await client.del(key);
    await client.close();
    const a = makeApp({ env, store: sessions.store, redisCommand: sessions.redisCommand });
    const b = makeApp({ env, store: sessions.store, redisCommand: sessions.redisCommand });
    const statuses: number[] = [];
    for (const t of [a, b, a, b, a, b])
      statuses.push((await request(t.app).get('/auth/login').accept('json')).status);
    expect(statuses).toEqual([302, 302, 302, 302, 429, 429]);
  });

  it('when logged out, then the Redis entry is gone', async () => {
    const t = makeApp({ store: sessions.store });
    const { sessionCookie } = await login(t);
    await request(t.app)
      .post('/auth/logout')
      .set('X-CSRF', '1')
      .set('Origin', 'http://localhost:8080')
      .set('Cookie', sessionCookie);
    expect((await request(t.app).get('/api/me').set('Cookie', sessionCookie)).status).toBe(401);
  });
});
if (!up)
  process.stderr.write(
    'session-store.test: Redis on 127.0.0.1:6379 is not reachable; the Redis tests were skipped\n',
  );
