import { Router, type Request } from 'express';
import type { Logger } from 'pino';
import { api, LogoutResponse } from '@bdms/contract';
import type { AuditRepo } from '../audit/audit.repo.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { recordAuthEvent } from './auth-audit.ts';
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
  audit: AuditRepo;
}

const callbackUri = (config: Config): string => `${config.publicUrl}/auth/callback`;

const regenerate = (req: Request): Promise<void> =>
  fromCallback((cb) => req.session.regenerate(cb));
const save = (req: Request): Promise<void> => fromCallback((cb) => req.session.save(cb));

const loginAgain = (message: string): AppError =>
  new AppError(400, 'login_failed', `${message} Please sign in again.`);

export function authRoutes({ config, oidc, loginTx, audit }: AuthDeps): Router {
  const router = Router();
  const names = cookieNames(config);
  // clearCookie wants the same attributes minus the lifetime.
  const clearTxOptions = { ...loginTxCookieOptions(config), maxAge: undefined };

  router.get(api.login.path, validated(api.login), async (req, res) => {
    // The contract refused what is plainly not a local path; what only normalisation reveals as
    // another host (`/.//evil.example`) is made local.
    const returnTo = safeReturnTo(inputOf(req, res, api.login).query.returnTo) ?? '/';
    const start = await oidc.startLogin(callbackUri(config));
    const sealed = await loginTx.seal({
      state: start.state,
      nonce: start.nonce,
      codeVerifier: start.codeVerifier,
      returnTo,
    });
    res.cookie(names.loginTx, sealed, loginTxCookieOptions(config));
    res.redirect(302, start.url.href);
  });

  router.get(api.callback.path, validated(api.callback), async (req, res) => {
    const tx = await loginTx.open(readCookie(req, names.loginTx));
    res.clearCookie(names.loginTx, clearTxOptions);
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
    await loginTx.markUsed(tx.id);
    const signIn = { action: 'sign_in', user: req.session.user, requestId: req.id } as const;
    await recordAuthEvent(audit, req.log, signIn);
    res.redirect(302, tx.returnTo);
  });

  router.post(api.logout.path, async (req, res) => {
    const tokens = req.session.tokens;
    const user = req.session.user;
    const home = `${config.publicUrl}/`;
    let redirectTo = home;
    if (tokens) {
      if (tokens.refreshToken) await oidc.revoke(tokens.refreshToken);
      const endSession = await oidc
        .endSessionUrl({ postLogoutRedirectUri: home })
        .catch(() => undefined); // IdP down: the local logout still happens
      redirectTo = endSession?.href ?? home;
    }
    try {
      await destroySession(req);
    } catch (error) {
      throw new AppError(
        503,
        'session_store_unavailable',
        'Signing out failed: the portal could not end your session. Please try again.',
        { cause: error },
      );
    }
    if (user)
      await recordAuthEvent(audit, req.log, { action: 'sign_out', user, requestId: req.id });
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
