import type { Request } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';
import { fromCallback } from './callbacks.ts';
import type { OidcPort, RefreshOptions, TokenResult } from './oidc-port.ts';
import { destroySession, signedIn } from './require-session.ts';
import type { SessionTokens } from './session-data.ts';

/** A failed save is logged, not fatal: this request's token is good; the next one refreshes again. */
async function saveSession(req: Request, logger: Logger): Promise<void> {
  try {
    await fromCallback((cb) => req.session.save(cb));
  } catch (error) {
    logger.error(
      { reason: error instanceof Error ? error.message : String(error) },
      'could not store refreshed tokens',
    );
  }
}

/** Refresh when this little is left, so a token never expires on its way to Rucio. */
export const REFRESH_MARGIN_MS = 60_000;
/** A finished refresh is remembered this long for requests that loaded the session before it. */
const REMEMBER_MS = 30_000;
/** How long a spent refresh token still leads to the one that replaced it (stale session copies). */
const SUCCESSOR_MS = 10 * 60_000;

interface Flight {
  /** The refresh token this flight redeemed: only requests holding the same one may join it. */
  from: string;
  result: Promise<TokenResult>;
}

const toTokens = (r: TokenResult): SessionTokens => ({
  accessToken: r.accessToken,
  refreshToken: r.refreshToken,
  idToken: r.idToken,
  expiresAt: r.expiresAt,
});

/**
 * Single-flight refresh per session. Parallel requests each hold their own copy of the session,
 * all with the same (about to be rotated) refresh token; exactly one redeems it, the others wait
 * for that result and store it too. Redeeming a rotated refresh token twice would make the IdP
 * revoke the whole grant. (Per process: with several replicas, route a session to one replica or
 * accept a rare duplicate refresh.)
 */
export function createTokenRefresher(oidc: OidcPort, logger: Logger) {
  const flights = new Map<string, Flight>();
  /** Per session, the last redemption of its refresh token: the next one waits for it. */
  const lanes = new Map<string, Promise<unknown>>();
  /** Spent refresh token → the one its redemption returned. */
  const successors = new Map<string, string>();

  const latest = (refreshToken: string): string => {
    let token = refreshToken;
    for (let next = successors.get(token); next; next = successors.get(token)) token = next;
    return token;
  };

  /**
   * Every redemption of a session's refresh token, for the session's own token or a storage
   * token, goes through here: one at a time per session, each with the newest refresh token this
   * process knows of. Two redemptions of one rotated refresh token would revoke the whole grant.
   */
  function redeem(sid: string, refreshToken: string, options?: RefreshOptions) {
    const run = async (): Promise<TokenResult> => {
      const spent = latest(refreshToken);
      const fresh = await oidc.refresh(spent, options);
      if (fresh.refreshToken && fresh.refreshToken !== spent) {
        successors.set(spent, fresh.refreshToken);
        setTimeout(() => successors.delete(spent), SUCCESSOR_MS).unref();
      }
      return fresh;
    };
    const result = (lanes.get(sid) ?? Promise.resolve()).then(run, run);
    lanes.set(sid, result);
    const settle = (): void => {
      if (lanes.get(sid) === result) lanes.delete(sid);
    };
    result.then(settle, settle);
    return result;
  }

  function flightFor(sid: string, refreshToken: string): Promise<TokenResult> {
    const existing = flights.get(sid);
    if (existing?.from === refreshToken) return existing.result;
    const result = redeem(sid, refreshToken);
    flights.set(sid, { from: refreshToken, result });
    const forget = (): void => {
      if (flights.get(sid)?.result === result) flights.delete(sid);
    };
    // Success is remembered for latecomers holding the old refresh token; a failure is
    // forgotten at once so the next request can try again (the IdP may be back).
    result.then(() => setTimeout(forget, REMEMBER_MS).unref(), forget);
    return result;
  }

  /** A valid access token for this request's session, refreshed if needed. */
  async function accessToken(req: Request): Promise<string> {
    const { tokens } = signedIn(req);
    if (tokens.expiresAt - Date.now() > REFRESH_MARGIN_MS) return tokens.accessToken;
    if (!tokens.refreshToken) {
      if (tokens.expiresAt > Date.now()) return tokens.accessToken;
      await destroySession(req);
      throw new AppError(401, 'session_expired', 'Your session has ended. Please sign in again.');
    }
    try {
      const fresh = await flightFor(req.sessionID, tokens.refreshToken);
      req.session.tokens = toTokens(fresh);
      // Stored now, not when the response ends: a stream may run for minutes or be aborted, and
      // the old refresh token is already spent (redeeming it again revokes the whole grant).
      await saveSession(req, logger);
      return fresh.accessToken;
    } catch (error) {
      if (error instanceof AppError && error.code === 'session_expired') {
        await destroySession(req);
        throw error;
      }
      // The IdP is briefly unreachable: the current token is still usable until it expires.
      if (tokens.expiresAt > Date.now()) {
        logger.warn(
          { code: error instanceof AppError ? error.code : 'unknown' },
          'token refresh failed; using the current token',
        );
        return tokens.accessToken;
      }
      throw error;
    }
  }

  /**
   * Redeems the session's refresh token for another token (IAM narrows it to `options`) and
   * stores the rotated refresh token at once; the session's own access token stays as it is.
   */
  async function narrowerToken(req: Request, options: RefreshOptions): Promise<TokenResult> {
    const { tokens } = signedIn(req);
    if (!tokens.refreshToken)
      throw new AppError(
        403,
        'forbidden',
        'Your sign-in cannot be extended to the storage. Sign out and sign in again.',
      );
    try {
      const fresh = await redeem(req.sessionID, tokens.refreshToken, options);
      req.session.tokens = { ...tokens, refreshToken: fresh.refreshToken ?? tokens.refreshToken };
      await saveSession(req, logger);
      return fresh;
    } catch (error) {
      if (error instanceof AppError && error.code === 'session_expired') await destroySession(req);
      throw error;
    }
  }

  return { accessToken, narrowerToken };
}

export type TokenRefresher = ReturnType<typeof createTokenRefresher>;
