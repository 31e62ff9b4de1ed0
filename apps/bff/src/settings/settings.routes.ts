import { Router } from 'express';
import { api, type Settings } from '@bdms/contract';
import type { Config } from '../config.ts';
import { respond } from '../respond.ts';

/** GET /api/settings: public, so the map knows its basemap before anyone signs in. */
export function settingsRoutes(config: Pick<Config, 'mapTiles'>): Router {
  const router = Router();
  // Only what the browser needs: the tile origin is the CSP's business, not the SPA's.
  const settings: Settings = {
    mapTiles: config.mapTiles
      ? { url: config.mapTiles.url, attribution: config.mapTiles.attribution }
      : null,
  };
  router.get(api.settings.path, (_req, res) => {
    respond(res, api.settings.response, settings);
  });
  return router;
}
