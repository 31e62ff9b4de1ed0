import { Router } from 'express';
import { api } from '@bdms/contract';
import { signedIn } from '../auth/require-session.ts';
import type { TokenRefresher } from '../auth/token-refresher.ts';
import { respond } from '../respond.ts';
import type { MeService } from './me.service.ts';

export function meRoutes(me: MeService, tokens: TokenRefresher): Router {
  const router = Router();
  router.get(api.me.path, async (req, res) => {
    const token = await tokens.accessToken(req);
    respond(res, api.me.response, await me.describe(signedIn(req).user, token));
  });
  return router;
}
