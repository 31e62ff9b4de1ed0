import { Router } from 'express';
import { api, buildOpenApi } from '@bdms/contract';
import { respond } from '../respond.ts';
import type { HealthService } from './health.service.ts';

/** The two public /api routes: no session needed. */
export function publicApiRoutes(health: HealthService, version: string): Router {
  const router = Router();
  const openApi = buildOpenApi(version);

  router.get(api.health.path, async (_req, res) => {
    const result = await health.check();
    respond(res, api.health.response, result, result.ok ? 200 : 503);
  });

  router.get(api.openapi.path, (_req, res) => {
    respond(res, api.openapi.response, openApi);
  });

  return router;
}
