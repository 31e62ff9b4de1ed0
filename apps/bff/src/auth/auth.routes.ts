import { Router, type Request } from 'express';
import type { Logger } from 'pino';
import { LogoutResponse } from '@bdms/contract';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { authErrorsForBrowsers } from './browser-errors.ts';
import { fromCallback } from './callbacks.ts';
import { cookieNames, loginTxCookieOptions, readCookie } from './cookies.ts';
import type { LoginTxStore } from './login-tx.ts';
import type { OidcPort } from './oidc-port.ts';
import { destroySession } from './require-session.ts';
import { safeReturnTo } from './return-to.ts';
import { userFromClaims } from './user-claims.ts';

export interface AuthDeps {
  config: Config;
  logger: Logger;
  oidc: OidcPort;
  loginTx: LoginTxStore;
}

const callbackUri = (config: Config): string => `${config.publicUrl}/auth/callback`;

const regenerate = (req: Request): Promise<void> =>
  fromCallback((cb) => req.session.regenerate(cb));
const save = (req: Request): Promise<void> => fromCallback((cb) => req.session.save(cb));

const loginAgain = (message: string): AppError =>
  new AppError(400, 'login_failed', `${message} Please sign in again.`);

export function authRoutes({ config, oidc, loginTx }: AuthDeps): Router {
  const router = Router();
  const names = cookieNames(config);
  // clearCookie wants the same attributes minus the lifetime.
  const clearTxOptions = { ...loginTxCookieOptions(config), maxAge: undefined };

  router.get('/auth/login', async (req, res) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    if (!returnTo)
      throw new AppError(400, 'bad_request', 'returnTo must be a path on this portal.');
    const start = await oidc.startLogin(callbackUri(config));
    const id = await loginTx.save({
      state: start.state,
      nonce: start.nonce,
      codeVerifier: start.codeVerifier,
      returnTo,
      createdAt: Date.now(),
    });
    res.cookie(names.loginTx, id, loginTxCookieOptions(config));
    res.redirect(302, start.url.href);
  });

  router.get('/auth/callback', async (req, res) => {
    const txId = readCookie(req, names.loginTx);
    res.clearCookie(names.loginTx, clearTxOptions);
    const tx = txId ? await loginTx.take(txId) : undefined;
    if (!tx) throw loginAgain('This sign-in link has expired or was already used.');
    // The URL the IdP redirected to, as the browser saw it (behind a proxy req.host may differ).
    const query = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
      : '';
    const tokens = await oidc.finishLogin(new URL(callbackUri(config) + query), {
      codeVerifier: tx.codeVerifier,
      state: tx.state,
      nonce: tx.nonce,
    });
    // A fresh session id at login: whatever id the browser had before is worthless (fixation).
    await regenerate(req);
    req.session.user = userFromClaims(tokens.claims, tokens.accessToken);
    req.session.tokens = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      idToken: tokens.idToken,
      expiresAt: tokens.expiresAt,
    };
    req.session.createdAt = Date.now();
    // Saved before redirecting, or the SPA's first /api call can race the store write.
    await save(req);
    res.redirect(302, tx.returnTo);
  });
  router.use(['/auth/login', '/auth/callback'], authErrorsForBrowsers(config.publicUrl));

  router.post('/auth/logout', async (req, res) => {
    const tokens = req.session.tokens;
    const home = `${config.publicUrl}/`;
    let redirectTo = home;
    if (tokens) {
      if (tokens.refreshToken) await oidc.revoke(tokens.refreshToken);
      const endSession = await oidc
        .endSessionUrl({ postLogoutRedirectUri: home })
        .catch(() => undefined); // IdP down: the local logout still happens
      redirectTo = endSession?.href ?? home;
    }
    await destroySession(req);
    res.clearCookie(names.session, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.secureCookies,
      path: '/',
    });
    res.json(LogoutResponse.parse({ redirectTo }));
  });

  return router;
}
