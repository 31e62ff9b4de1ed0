import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must carry `X-CSRF: 1` (a custom header: a cross-site form or a simple
 * cross-site fetch cannot send one without a CORS preflight, which we never grant) and come from
 * the portal's own origin: `Origin` must be ours (browsers send it on every POST/PUT/PATCH/DELETE);
 * without one, only `Sec-Fetch-Site: same-origin` is accepted. SameSite=Strict is the third layer.
 */
export const csrfProtection =
  (config: Pick<Config, 'publicOrigin'>): RequestHandler =>
  (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    if (req.get('x-csrf') !== '1') {
      throw new AppError(
        403,
        'csrf_rejected',
        'This request was refused: it did not come from the portal (missing X-CSRF header).',
      );
    }
    const origin = req.get('origin');
    const sameOrigin =
      origin === undefined
        ? req.get('sec-fetch-site') === 'same-origin'
        : origin === config.publicOrigin;
    if (!sameOrigin) {
      throw new AppError(
        403,
        'csrf_rejected',
        'This request was refused: it did not come from the portal’s own origin.',
      );
    }
    next();
  };
