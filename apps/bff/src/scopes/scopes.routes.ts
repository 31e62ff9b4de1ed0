import { Router } from 'express';
import { api } from '@bdms/contract';
import type { TokenRefresher } from '../auth/token-refresher.ts';
import { respond } from '../respond.ts';
import type { ScopesService } from './scopes.service.ts';

export function scopesRoutes(scopes: ScopesService, tokens: TokenRefresher): Router {
  const router = Router();
  router.get(api.scopes.path, async (req, res) => {
    respond(res, api.scopes.response, await scopes.list(await tokens.accessToken(req)));
  });
  return router;
}
