/**
 * Twin of GET /api/settings (see api-contract.ts for why twins): the deployment's settings for
 * the SPA. Imported only by the map's lazy chunk, so no page's first load carries it.
 */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';

export const Settings = z.object({
  mapTiles: z.nullable(z.object({ url: z.string(), attribution: z.string() })),
});

export const settingsApi = {
  settings: { method: 'get', path: '/api/settings', response: Settings },
} as const satisfies { [K in keyof Api]?: ClientRoute };
