import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { RedisStore, type SendCommandFn } from 'rate-limit-redis';
import { AppError } from '../errors.ts';

export interface AuthRateLimitOptions {
  perMinute: number;
  /** Redis, when sessions are in Redis, so every BFF replica counts the same client together. */
  redisCommand?: SendCommandFn;
}

/**
 * Sign-in, callback and sign-out per client (IP address; behind the TLS proxy, the address the
 * proxy saw). Cheap for people, who sign in a few times a day; it stops a script from hammering
 * the IdP through the portal. Over the limit: 429 `rate_limited` with Retry-After.
 */
export function authRateLimit(options: AuthRateLimitOptions): RequestHandler {
  const store: Store | undefined = options.redisCommand
    ? new RedisStore({ sendCommand: options.redisCommand, prefix: 'bdms:rl:auth:' })
    : undefined;
  return rateLimit({
    windowMs: 60_000,
    limit: options.perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(store ? { store } : {}),
    handler: (_req, _res, next, limits) => {
      next(
        new AppError(
          429,
          'rate_limited',
          `Too many sign-in requests from your address (more than ${String(limits.limit)} a minute). Please wait a minute and try again.`,
        ),
      );
    },
  });
}
