import { Router } from 'express';
import { api } from '@bdms/contract';
import type { Config } from '../config.ts';
import { requireAdmin } from '../auth/require-admin.ts';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import { respond } from '../respond.ts';
import type { TransfersService } from './transfers.service.ts';

export function transfersRoutes(
  transfers: TransfersService,
  withToken: RucioCaller,
  config: Pick<Config, 'adminGroup'>,
): Router {
  const router = Router();
  router.get(api.transfers.path, requireAdmin(config), async (req, res) => {
    const { user } = signedIn(req);
    const signal = clientGone(res);
    respond(
      res,
      api.transfers.response,
      await withToken(req, (t) => transfers.inFlight(user.sub, t, signal)),
    );
  });
  return router;
}
