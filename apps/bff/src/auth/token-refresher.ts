import type { Request } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';
import { fromCallback } from './callbacks.ts';
import type { OidcPort, TokenResult } from './oidc-port.ts';
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

  function flightFor(sid: string, refreshToken: string): Promise<TokenResult> {
    const existing = flights.get(sid);
    if (existing?.from === refreshToken) return existing.result;
    const result = oidc.refresh(refreshToken);
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

  return { accessToken };
}

export type TokenRefresher = ReturnType<typeof createTokenRefresher>;
