import { z } from 'zod';

/**
 * What the SPA needs to know about this deployment before it draws something, the same for
 * every visitor (public: nothing here is a secret or about the user).
 */
export const Settings = z
  .object({
    mapTiles: z
      .object({
        url: z
          .string()
          .describe(
            'XYZ template with {z}, {x} and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png',
          ),
        attribution: z.string().describe('Shown in the map corner; may be empty'),
      })
      .nullable()
      .describe(
        'The raster tile server the maps draw under their markers (Web Mercator); null: the maps draw the bundled world outline and load nothing',
      ),
  })
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof Settings>;
