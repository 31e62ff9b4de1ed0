import { route } from '../route-def.ts';
import { Settings } from './schemas.ts';

/** Per-deployment settings for the SPA (MAP_TILE_URL…), public like health. */
export const settingsRoutes = {
  settings: route({
    method: 'get',
    path: '/api/settings',
    summary:
      "This deployment's settings for the SPA: the maps' tile server, if any. Public, the same for everyone.",
    auth: false,
    response: Settings,
    errors: {},
  }),
};
