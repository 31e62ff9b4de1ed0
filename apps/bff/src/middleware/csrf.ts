import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must carry `X-CSRF: 1` (a custom header: a cross-site form or a simple
 * cross-site fetch cannot send one without a CORS preflight, which we never grant) and, when the
 * browser sends an Origin, it must be the portal's own. SameSite=Strict is the second layer.
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
    if (origin !== undefined && origin !== config.publicOrigin) {
      throw new AppError(
        403,
        'csrf_rejected',
        'This request was refused: it came from another site.',
      );
    }
    next();
  };
