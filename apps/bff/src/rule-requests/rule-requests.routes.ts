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
import type { RuleRequestsService } from './rule-requests.service.ts';
import { atField, type Field } from './refusals.ts';

/** Rucio's refusal, at the input it is about. */
const at =
  (field?: Field) =>
  (error: unknown): never => {
    throw atField(error, field);
  };

export function ruleRequestsRoutes(
  requests: RuleRequestsService,
  withToken: RucioCaller,
  accounts: { rucio: Pick<RucioPort, 'whoami'>; cache: ReferenceCache },
): Router {
  const router = Router();
  router.get(api.resolveRses.path, validated(api.resolveRses), async (req, res) => {
    const { user } = signedIn(req);
    const { expression } = inputOf(req, res, api.resolveRses).query;
    const signal = clientGone(res);
    respond(
      res,
      api.resolveRses.response,
      await withToken(req, (t) => requests.preview(user.sub, t, expression, signal)),
    );
  });
  router.post(api.quoteRule.path, validated(api.quoteRule), async (req, res) => {
    const { user } = signedIn(req);
    const body = inputOf(req, res, api.quoteRule).body;
    const signal = clientGone(res);
    const quote = await withToken(req, async (t) => {
      const { account } = await activeAccount(accounts, user, t);
      return requests.quote(t, account, body, signal);
    }).catch(at());
    respond(res, api.quoteRule.response, quote);
  });
  router.post(api.requestRule.path, validated(api.requestRule), async (req, res) => {
    const { user } = signedIn(req);
    const body = inputOf(req, res, api.requestRule).body;
    const signal = clientGone(res);
    const result = await withToken(req, async (t) => {
      const { account } = await activeAccount(accounts, user, t);
      return requests.request(t, account, body, signal);
    }).catch(at());
    respond(res, api.requestRule.response, result, 201);
  });
  return router;
}
