import { Router } from 'express';
import { api } from '@bdms/contract';
import { activeAccount } from '../auth/active-account.ts';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import type { ReferenceCache } from '../lib/reference-cache.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import type { RucioPort } from '../rucio-port.ts';
import { atField } from '../rule-requests/refusals.ts';
import type { StagingService } from './staging.service.ts';

export function stagingRoutes(
  staging: StagingService,
  withToken: RucioCaller,
  accounts: { rucio: Pick<RucioPort, 'whoami'>; cache: ReferenceCache },
): Router {
  const router = Router();
  router.get(api.stagingStatus.path, validated(api.stagingStatus), async (req, res) => {
    const { user } = signedIn(req);
    const did = inputOf(req, res, api.stagingStatus).params;
    const signal = clientGone(res);
    const status = await withToken(req, (t) => staging.status(user.sub, t, did, signal));
    respond(res, api.stagingStatus.response, status);
  });
  router.post(api.requestStaging.path, validated(api.requestStaging), async (req, res) => {
    const { user } = signedIn(req);
    const { params: did, body } = inputOf(req, res, api.requestStaging);
    const signal = clientGone(res);
    const result = await withToken(req, async (t) => {
      const { account } = await activeAccount(accounts, user, t);
      return staging.request(user.sub, t, account, did, body, signal);
    }).catch((error: unknown) => {
      throw atField(error);
    });
    respond(res, api.requestStaging.response, result, 201);
  });
  return router;
}
