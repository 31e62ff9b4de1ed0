import { Router } from 'express';
import { api, buildOpenApi, type Health } from '@bdms/contract';
import type { SessionPeeker } from '../auth/peek-session.ts';
import { respond } from '../respond.ts';
import type { HealthService } from './health.service.ts';

/** Which part is down, and nothing more: versions and failure reasons are for signed-in users. */
const publicView = (h: Health): Health => ({
  ok: h.ok,
  bff: { ok: true },
  rucio: { ok: h.rucio.ok },
  idp: { ok: h.idp.ok },
});

/** The two public /api routes: no session needed. */
export function publicApiRoutes(
  health: HealthService,
  version: string,
  signedIn: SessionPeeker,
): Router {
  const router = Router();
  const openApi = buildOpenApi(version);

  router.get(api.health.path, async (req, res) => {
    const [result, detailed] = await Promise.all([health.check(), signedIn(req)]);
    respond(
      res,
      api.health.response,
      detailed ? result : publicView(result),
      result.ok ? 200 : 503,
    );
  });

  router.get(api.openapi.path, (_req, res) => {
    respond(res, api.openapi.response, openApi);
  });

  return router;
}
