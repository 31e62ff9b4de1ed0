import { Router } from 'express';
import { api } from '@bdms/contract';
import { fromCallback } from '../auth/callbacks.ts';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import type { MeService } from './me.service.ts';

export function meRoutes(me: MeService, withToken: RucioCaller): Router {
  const router = Router();
  router.get(api.me.path, async (req, res) => {
    const { user } = signedIn(req);
    respond(res, api.me.response, await withToken(req, (token) => me.describe(user, token)));
  });
  router.get(api.myAccounts.path, async (req, res) => {
    const { user } = signedIn(req);
    respond(res, api.myAccounts.response, await withToken(req, (t) => me.accounts(user, t)));
  });
  router.put(api.chooseAccount.path, validated(api.chooseAccount), async (req, res) => {
    const { user } = signedIn(req);
    const { account } = inputOf(req, res, api.chooseAccount).body;
    const chosen = await withToken(req, (t) => me.choose(user, t, account));
    // Every later Rucio call of this session acts as it (auth/acting-account.ts). Saved before
    // answering: express-session would save while the body is already on its way, and the SPA's
    // next request could still find the previous account.
    req.session.account = chosen.active;
    await fromCallback((cb) => req.session.save(cb));
    respond(res, api.chooseAccount.response, chosen);
  });
  return router;
}
