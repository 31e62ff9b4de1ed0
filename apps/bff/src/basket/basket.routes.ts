import { Router, type Request } from 'express';
import { api } from '@bdms/contract';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { signedIn } from '../auth/require-session.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import type { RucioPort } from '../rucio-port.ts';
import type { RseType } from './basket-figures.ts';
import type { BasketService, Caller, RucioFor } from './basket.service.ts';

export interface BasketRucio {
  rucio: Pick<
    RucioPort,
    | 'bulkMeta'
    | 'listFileReplicas'
    | 'listDatasetReplicasBulk'
    | 'listDatasetReplicas'
    | 'listContents'
  >;
  /** Every RSE's type (the RSE list, cached per user by the RSEs service). */
  rseTypes: (sub: string, token: string) => Promise<ReadonlyMap<string, RseType>>;
}

const callerOf = (req: Request): Caller => ({
  user: signedIn(req).user,
  requestId: typeof req.id === 'string' ? req.id : undefined,
});

/** Behind requireSession; the changes pass the CSRF middleware like every POST/DELETE. */
export function basketRoutes(
  basket: BasketService,
  withToken: RucioCaller,
  deps: BasketRucio,
): Router {
  const router = Router();
  const { rucio } = deps;
  const portsFor = (req: Request, token: string, signal: AbortSignal): RucioFor => ({
    meta: (dids) => rucio.bulkMeta({ token, signal, dids, plugin: 'DID_COLUMN' }),
    files: (dids) => rucio.listFileReplicas({ token, signal, dids, sort: 'random' }),
    datasets: (dids) => rucio.listDatasetReplicasBulk({ token, signal, dids }),
    deep: (d) => rucio.listDatasetReplicas({ token, signal, ...d, deep: true }),
    list: (c) => rucio.listContents({ token, signal, ...c }),
    rseTypes: () => deps.rseTypes(signedIn(req).user.sub, token),
  });

  router.get(api.getBasket.path, async (req, res) => {
    const signal = clientGone(res);
    const user = signedIn(req).user;
    const body = await withToken(req, (t) => basket.get(user, portsFor(req, t, signal)));
    respond(res, api.getBasket.response, body);
  });
  router.get(api.basketCount.path, async (req, res) => {
    respond(res, api.basketCount.response, await basket.count(signedIn(req).user));
  });
  router.post(api.addToBasket.path, validated(api.addToBasket), async (req, res) => {
    const { dids } = inputOf(req, res, api.addToBasket).body;
    const signal = clientGone(res);
    const body = await withToken(req, (t) =>
      basket.add(callerOf(req), dids, portsFor(req, t, signal).meta),
    );
    respond(res, api.addToBasket.response, body);
  });
  router.delete(api.removeFromBasket.path, validated(api.removeFromBasket), async (req, res) => {
    const { dids } = inputOf(req, res, api.removeFromBasket).body;
    respond(res, api.removeFromBasket.response, await basket.remove(callerOf(req), dids));
  });
  router.delete(api.emptyBasket.path, async (req, res) => {
    respond(res, api.emptyBasket.response, await basket.empty(callerOf(req)));
  });
  return router;
}
