import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { loggableUrl } from '../logger.ts';

/** One line per request with the request id; headers are left out except a few harmless ones. */
export const httpLogger = (logger: Logger): RequestHandler =>
  pinoHttp({
    logger,
    genReqId: (req) => req.id,
    // The error handler already logged the real error; drop pino-http's synthetic one for 5xx.
    customErrorObject: (_req, _res, _error, val: Record<string, unknown>) => ({
      ...val,
      err: undefined,
    }),
    customErrorMessage: (_req, res) => `request failed with ${res.statusCode}`,
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: {
        id: string;
        method: string;
        url: string;
        headers: Record<string, unknown>;
      }) => ({
        id: req.id,
        method: req.method,
        url: loggableUrl(req.url),
        userAgent: req.headers['user-agent'],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
