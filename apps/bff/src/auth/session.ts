import session, { type Store } from 'express-session';
import createMemoryStore from 'memorystore';
import { RedisStore } from 'connect-redis';
import { createClient } from 'redis';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { RedisReply, SendCommandFn } from 'rate-limit-redis';
import type { Config } from '../config.ts';
import { cookieNames } from './cookies.ts';

export interface SessionStore {
  store: Store;
  kind: 'memory' | 'redis';
  /** Raw Redis commands (for the rate limiter's shared counters), when sessions are in Redis. */
  redisCommand?: SendCommandFn;
  close(): Promise<void>;
}

/**
 * Embedded store by default (bounded, expired entries pruned every minute) so a developer needs
 * nothing else; Redis when REDIS_URL is set, so several BFF replicas share sessions.
 */
export async function createSessionStore(config: Config, logger: Logger): Promise<SessionStore> {
  if (!config.session.redisUrl) {
    const MemoryStore = createMemoryStore(session);
    const store = new MemoryStore({ checkPeriod: 60_000, max: 10_000 });
    const close = (): Promise<void> => {
      store.stopInterval();
      return Promise.resolve();
    };
    return { store, kind: 'memory', close };
  }
  const client = createClient({ url: config.session.redisUrl });
  client.on('error', (error: unknown) => {
    logger.error(
      { reason: error instanceof Error ? error.message : String(error) },
      'redis session store error',
    );
  });
  await client.connect();
  const store = new RedisStore({ client, prefix: 'bdms:sess:' });
  return {
    store,
    kind: 'redis',
    redisCommand: (...args) => client.sendCommand<RedisReply>(args),
    close: async () => {
      await client.close();
    },
  };
}

/**
 * HttpOnly, SameSite=Strict, Path=/, no Domain; Secure + __Host- over https. `rolling` renews
 * the idle timeout on each request; the absolute lifetime is enforced in require-session.ts.
 */
export function sessionMiddleware(config: Config, store: Store): RequestHandler {
  return session({
    name: cookieNames(config).session,
    secret: config.session.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.secureCookies,
      path: '/',
      maxAge: config.session.idleMs,
    },
  });
}
