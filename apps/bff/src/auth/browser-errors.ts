import type { ErrorRequestHandler } from 'express';
import { AppError } from '../errors.ts';

/** Codes the SPA's landing page knows how to explain; anything else is shown as `login_failed`. */
const SHOWN = new Set(['login_failed', 'idp_unavailable', 'bad_request', 'rate_limited']);

/**
 * /auth/login and /auth/callback are browser navigations: a failure there should land the person
 * on the portal with an explanation and a "Sign in" button, not on a JSON body. Only the error
 * code travels in the URL (never a message someone else could craft). Programmatic callers that
 * do not ask for HTML still get the JSON error from the one error handler.
 */
export const authErrorsForBrowsers =
  (publicUrl: string): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    if (!req.accepts('html') || req.accepts(['json', 'html']) === 'json' || res.headersSent) {
      next(error);
      return;
    }
    const code = error instanceof AppError && SHOWN.has(error.code) ? error.code : 'login_failed';
    req.log.warn({ err: error, code }, 'sign-in failed; sending the browser back to the portal');
    res.redirect(303, `${publicUrl}/?signInError=${code}`);
  };
