import * as oidc from 'openid-client';
import { AppError } from '../errors.ts';

export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return [error.message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
}

/** No response at all (refused, DNS, timeout): the IdP is down, not our user's fault. */
function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}

/**
 * Maps openid-client failures to AppError. Only `invalid_grant` on refresh ends the session: it
 * means the refresh token is revoked, expired or reused; `invalid_scope` refuses that one token.
 * Anything else on refresh is transient.
 */
export function classifyOidcError(error: unknown, during: 'login' | 'refresh'): AppError {
  if (error instanceof AppError) return error;
  if (isNetworkFailure(error) || (error instanceof oidc.ResponseBodyError && error.status >= 500)) {
    return new AppError(
      503,
      'idp_unavailable',
      'The sign-in service is not reachable right now. Please try again shortly.',
      { cause: error },
    );
  }
  if (during === 'refresh') {
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') {
      return new AppError(401, 'session_expired', 'Your session has ended. Please sign in again.', {
        cause: error,
      });
    }
    // Only a narrower refresh (a storage token) asks for scopes: the login did not grant them.
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_scope') {
      return new AppError(
        403,
        'forbidden',
        'Your sign-in does not grant this access. Sign out and sign in again to renew it.',
        { cause: error },
      );
    }
    return new AppError(
      503,
      'idp_unavailable',
      'Your sign-in could not be renewed right now. Please try again shortly.',
      { cause: error },
    );
  }
  return new AppError(
    400,
    'login_failed',
    'The sign-in could not be completed. Please try again.',
    { cause: error },
  );
}
