import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { ApiErrorBody } from '@bdms/contract';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { fromRucio } from './rucio-errors.ts';

export function toAppError(error: unknown, req: Request, config: Pick<Config, 'oidc'>): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Error) {
    const rucio = fromRucio(error, req, config);
    if (rucio) return rucio;
    // body-parser and friends mark client errors with a 4xx status
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500)
      return new AppError(status, 'bad_request', 'The request was malformed.', { cause: error });
  }
  return new AppError(500, 'internal', 'Something went wrong in the portal server.', {
    cause: error,
  });
}

/** The one error handler: every error leaves as an ApiErrorBody with the request id. */
export const errorHandler =
  (config: Pick<Config, 'oidc'>): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    const appError = toAppError(error, req, config);
    const cause = appError.cause ?? (appError === error ? undefined : error);
    const logged = {
      code: appError.code,
      status: appError.status,
      err: cause instanceof Error ? cause : undefined,
    };
    if (appError.status >= 500) req.log.error(logged, appError.message);
    else req.log.warn(logged, appError.message);
    if (res.headersSent) {
      next(error);
      return;
    }
    const body: ApiErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        requestId: typeof req.id === 'string' ? req.id : undefined,
      },
    };
    if (appError.details !== undefined) body.error.details = appError.details;
    res.status(appError.status).set('Cache-Control', 'no-store').json(body);
  };

/** Unknown routes under /api and /auth: JSON 404, never the SPA's index.html. */
export const notFound = (): RequestHandler => () => {
  throw new AppError(404, 'not_found', 'There is no such endpoint.');
};
