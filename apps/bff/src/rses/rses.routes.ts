import { Router } from 'express';
import { api } from '@bdms/contract';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import type { RsesService } from './rses.service.ts';

export function rsesRoutes(rses: RsesService, withToken: RucioCaller): Router {
  const router = Router();
  router.get(api.rses.path, async (req, res) => {
    const { user } = signedIn(req);
    respond(res, api.rses.response, await withToken(req, (t) => rses.list(user.sub, t)));
  });
  router.get(api.rse.path, validated(api.rse), async (req, res) => {
    const { user } = signedIn(req);
    const { rse } = inputOf(req, res, api.rse).params;
    const signal = clientGone(res);
    respond(
      res,
      api.rse.response,
      await withToken(req, (t) => rses.details(user.sub, t, rse, signal)),
    );
  });
  router.get(api.didLocks.path, validated(api.didLocks), async (req, res) => {
    const { scope, name } = inputOf(req, res, api.didLocks).params;
    const signal = clientGone(res);
    respond(
      res,
      api.didLocks.response,
      await withToken(req, (t) => rses.locks(t, scope, name, signal)),
    );
  });
  return router;
}
