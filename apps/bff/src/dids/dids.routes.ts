import { Router, type Request, type Response } from 'express';
import { api, type RouteDef } from '@bdms/contract';
import type { Config } from '../config.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { clientAddress } from '../http/client-address.ts';
import { clientGone, pipeNdjson } from '../http/ndjson-pipe.ts';
import { toAppError } from '../middleware/error-handler.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import type { DidsService } from './dids.service.ts';

type Opener<T> = (
  token: string,
  scope: string,
  name: string,
  signal: AbortSignal,
) => Promise<AsyncIterable<T>>;

export function didsRoutes(
  dids: DidsService,
  withToken: RucioCaller,
  config: Pick<Config, 'oidc'>,
): Router {
  const router = Router();

  /** A DID listing streamed as NDJSON, with an error trailer if Rucio breaks off midway. */
  const streamRoute = <T>(def: RouteDef, open: Opener<T>, transform: (row: T) => unknown) => {
    router.get(def.path, validated(def), async (req, res) => {
      const { scope, name } = inputOf(req, res, api.didContents).params;
      await pipeNdjson(req, res, {
        open: (signal) => withToken(req, (token) => open(token, scope, name, signal)),
        transform,
        describeError: (error, sent) => {
          const e = toAppError(error, req, config);
          return {
            error: {
              code: e.code,
              message: `${e.message} The listing is incomplete (${sent} rows).`,
            },
          };
        },
      });
    });
  };
  streamRoute(api.didContents, dids.openContents, dids.toListingRow);
  streamRoute(api.didParents, dids.openParents, dids.toSummary);

  /**
   * A JSON answer about one DID, checked against the contract; Rucio is left when the client goes.
   * `client` is the browser's address, for answers Rucio orders by where the user is (replicas).
   */
  const didRoute = (
    def: RouteDef,
    work: (
      token: string,
      scope: string,
      name: string,
      signal: AbortSignal,
      client: string | undefined,
    ) => Promise<unknown>,
  ) => {
    router.get(def.path, validated(def), async (req: Request, res: Response) => {
      const { scope, name } = inputOf(req, res, api.didInfo).params;
      const signal = clientGone(res);
      const client = clientAddress(req);
      const body = await withToken(req, (token) => work(token, scope, name, signal, client));
      respond(res, def.response, body);
    });
  };
  didRoute(api.didInfo, dids.details);
  didRoute(api.didRules, dids.rules);
  didRoute(api.didReplicaSummary, dids.replicaSummary);
  didRoute(api.didReplicaStates, dids.replicaStates);

  router.post(api.selectionReplicas.path, validated(api.selectionReplicas), async (req, res) => {
    const { dids: selected } = inputOf(req, res, api.selectionReplicas).body;
    const signal = clientGone(res);
    const body = await withToken(req, (t) => dids.selectionSummary(t, selected, signal));
    respond(res, api.selectionReplicas.response, body);
  });

  router.get(api.scopeRoots.path, validated(api.scopeRoots), async (req, res) => {
    const { scope } = inputOf(req, res, api.scopeRoots).params;
    const signal = clientGone(res);
    respond(
      res,
      api.scopeRoots.response,
      await withToken(req, (t) => dids.roots(t, scope, signal)),
    );
  });
  return router;
}
