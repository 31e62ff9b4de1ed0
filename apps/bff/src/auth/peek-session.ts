import type { Request } from 'express';
import type { SessionData, Store } from 'express-session';
import signature from 'cookie-signature';
import type { Config } from '../config.ts';
import { fromValueCallback } from './callbacks.ts';
import { readCookie } from './cookies.ts';

/**
 * Whether the request carries a live signed-in session, read without loading express-session:
 * routes polled by every open tab (health) must not extend the idle timeout, which the session
 * middleware's rolling touch would do. The cookie is verified exactly as express-session signs it.
 */
export function sessionPeeker(config: Pick<Config, 'session'>, cookieName: string, store: Store) {
  return async (req: Request): Promise<boolean> => {
    const raw = readCookie(req, cookieName);
    if (!raw?.startsWith('s:')) return false;
    const sid = signature.unsign(raw.slice(2), config.session.secret);
    if (!sid) return false;
    const data = await fromValueCallback<SessionData>((cb) => {
      store.get(sid, cb);
    }).catch(() => undefined);
    return Boolean(
      data?.user && data.createdAt && Date.now() - data.createdAt <= config.session.absoluteMs,
    );
  };
}

export type SessionPeeker = ReturnType<typeof sessionPeeker>;
