import { Router } from 'express';
import { api } from '@bdms/contract';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { respond } from '../respond.ts';
import type { ScopesService } from './scopes.service.ts';

export function scopesRoutes(scopes: ScopesService, withToken: RucioCaller): Router {
  const router = Router();
  router.get(api.scopes.path, async (req, res) => {
    const { user } = signedIn(req);
    respond(
      res,
      api.scopes.response,
      await withToken(req, (token) => scopes.list(user.sub, token)),
    );
  });
  return router;
}
