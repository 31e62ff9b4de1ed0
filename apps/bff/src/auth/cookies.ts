import type { CookieOptions, Request } from 'express';
import type { Config } from '../config.ts';

/**
 * Over https the cookies get the `__Host-` prefix: the browser then insists on Secure, Path=/ and
 * no Domain, so a sibling subdomain cannot plant or shadow them. Plain http (local dev) cannot
 * use the prefix because it requires Secure.
 */
export function cookieNames(config: Pick<Config, 'secureCookies'>): {
  session: string;
  loginTx: string;
} {
  const prefix = config.secureCookies ? '__Host-' : '';
  return { session: `${prefix}bdms_session`, loginTx: `${prefix}bdms_login_tx` };
}

export const LOGIN_TX_TTL_MS = 10 * 60_000;

/**
 * The login transaction must survive the IdP's cross-site redirect back to /auth/callback, which
 * a SameSite=Strict cookie would not (openid-client#208): hence its own short-lived Lax cookie.
 */
export const loginTxCookieOptions = (config: Pick<Config, 'secureCookies'>): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: config.secureCookies,
  path: '/',
  maxAge: LOGIN_TX_TTL_MS,
});

/** Express 5 has no cookie parser built in and we read only two cookies. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
