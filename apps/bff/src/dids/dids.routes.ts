import { Router } from 'express';
import { api } from '@bdms/contract';
import type { Config } from '../config.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { AppError } from '../errors.ts';
import { ndjsonWriter } from '../http/ndjson-response.ts';
import { toAppError } from '../middleware/error-handler.ts';
import type { DidsService } from './dids.service.ts';

const SCOPE = /^[A-Za-z0-9_.-]{1,25}$/;

export function didsRoutes(
  dids: DidsService,
  withToken: RucioCaller,
  config: Pick<Config, 'oidc'>,
): Router {
  const router = Router();
  router.get(api.didContents.path, async (req, res) => {
    const { scope, name } = req.params as { scope: string; name: string };
    if (!SCOPE.test(scope))
      throw new AppError(400, 'bad_request', `"${scope}" is not a Rucio scope name.`);
    const abort = new AbortController();
    req.on('close', () => {
      abort.abort();
    });
    const rows = await withToken(req, (token) =>
      dids.openContents(token, scope, name, abort.signal),
    );
    const out = ndjsonWriter(req, res);
    out.start();
    let count = 0;
    try {
      for await (const row of rows) {
        if (out.closed) return;
        await out.line(row);
        count += 1;
      }
      await out.end({ end: { count } });
    } catch (error) {
      if (out.closed) return;
      const e = toAppError(error, req, config);
      req.log.error({ err: error, rowsSent: count }, 'listing broke after it started');
      await out.end({
        error: { code: e.code, message: `${e.message} The listing is incomplete (${count} rows).` },
      });
    }
  });
  return router;
}
