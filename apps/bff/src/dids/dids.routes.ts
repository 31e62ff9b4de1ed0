import { Router } from 'express';
import { api } from '@bdms/contract';
import type { Config } from '../config.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { pipeNdjson } from '../http/ndjson-pipe.ts';
import { toAppError } from '../middleware/error-handler.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import type { DidsService } from './dids.service.ts';

export function didsRoutes(
  dids: DidsService,
  withToken: RucioCaller,
  config: Pick<Config, 'oidc'>,
): Router {
  const router = Router();
  router.get(api.didContents.path, validated(api.didContents), async (req, res) => {
    const { scope, name } = inputOf(req, res, api.didContents).params;
    await pipeNdjson(req, res, {
      open: (signal) => withToken(req, (token) => dids.openContents(token, scope, name, signal)),
      transform: dids.toSummary,
      describeError: (error, sent) => {
        const e = toAppError(error, req, config);
        return {
          error: {
            code: e.code,
            message: `${e.message} The listing is incomplete (${sent} rows).`,
          },
        };
      },
    });
  });
  return router;
}
