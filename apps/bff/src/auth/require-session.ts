import type { Request, RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { AppError, unauthenticated } from '../errors.ts';
import { fromCallback } from './callbacks.ts';
import type { SessionTokens, SessionUser } from './session-data.ts';

export interface SignedIn {
  user: SessionUser;
  tokens: SessionTokens;
}

/** Ends the session in the store; rejects when the store could not do it. */
export const destroySession = (req: Request): Promise<void> =>
  fromCallback((cb) => req.session.destroy(cb));

/** 401 JSON unless the request carries a live session; enforces the absolute lifetime. */
export const requireSession =
  (config: Pick<Config, 'session'>): RequestHandler =>
  async (req, _res, next) => {
    const { user, tokens, createdAt } = req.session;
    if (!user || !tokens) throw unauthenticated();
    if (!createdAt || Date.now() - createdAt > config.session.absoluteMs) {
      await destroySession(req);
      throw new AppError(401, 'session_expired', 'Your session has ended. Please sign in again.');
    }
    next();
  };

/** For handlers behind requireSession: the user and tokens, typed as present. */
export function signedIn(req: Request): SignedIn {
  const { user, tokens } = req.session;
  if (!user || !tokens) throw unauthenticated();
  return { user, tokens };
}
