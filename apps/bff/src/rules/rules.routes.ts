import { Router } from 'express';
import { api } from '@bdms/contract';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import type { RulesService } from './rules.service.ts';

export function rulesRoutes(rules: RulesService, withToken: RucioCaller): Router {
  const router = Router();
  router.get(api.rules.path, validated(api.rules), async (req, res) => {
    const { user } = signedIn(req);
    const filter = inputOf(req, res, api.rules).query;
    const signal = clientGone(res);
    respond(
      res,
      api.rules.response,
      await withToken(req, (token) => rules.list(user, { token, signal }, filter)),
    );
  });
  router.get(api.rule.path, validated(api.rule), async (req, res) => {
    const { id } = inputOf(req, res, api.rule).params;
    const signal = clientGone(res);
    respond(
      res,
      api.rule.response,
      await withToken(req, (token) => rules.details({ token, signal }, id)),
    );
  });
  router.get(api.ruleTransfers.path, validated(api.ruleTransfers), async (req, res) => {
    const { id } = inputOf(req, res, api.ruleTransfers).params;
    const signal = clientGone(res);
    respond(
      res,
      api.ruleTransfers.response,
      await withToken(req, (token) => rules.transfers({ token, signal }, id)),
    );
  });
  return router;
}
