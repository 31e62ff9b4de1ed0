import { z } from 'zod';
import { DidName, ScopeName } from '../names.ts';

/**
 * The longest a link may live: one week. A deployment may allow less (LINK_MAX_HOURS), never more,
 * so what this schema accepts is accepted unless the deployment lowered it.
 */
export const LINK_HOURS_CEILING = 24 * 7;

export const LinkInput = z
  .object({
    scope: ScopeName,
    name: DidName,
    hours: z
      .number()
      .int({ message: 'must be a whole number of hours' })
      .min(1, { message: 'must be at least 1' })
      .max(LINK_HOURS_CEILING, { message: `must be at most ${String(LINK_HOURS_CEILING)}` })
      .optional()
      .describe(
        "How long the link works, in hours: 24 unless given; at most the deployment's LINK_MAX_HOURS",
      ),
  })
  .meta({ id: 'LinkInput' });
export type LinkInput = z.infer<typeof LinkInput>;

export const DownloadLink = z
  .object({
    id: z.string(),
    scope: z.string(),
    name: z.string(),
    url: z
      .string()
      .describe('The link: works without a session until it expires or is revoked; share it as is'),
    bytes: z.number().nullable(),
    adler32: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
    uses: z.number().int().describe('Times the link was used to fetch the file'),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'DownloadLink' });
export type DownloadLink = z.infer<typeof DownloadLink>;

export const DownloadLinkList = z
  .object({
    links: z.array(DownloadLink).describe('Newest first, at most 500'),
    maxHours: z.number().int().describe('The longest a new link may live here, in hours'),
  })
  .meta({ id: 'DownloadLinkList' });
export type DownloadLinkList = z.infer<typeof DownloadLinkList>;

export const LinkIdParams = z.object({ id: z.string().min(1).max(64) });
export const LinkUseParams = z.object({
  token: z.string().min(1).max(4096),
  filename: z.string().min(1).max(500),
});

export const SCRIPT_FORMATS = ['curl', 'wget', 'rucio', 'metalink', 'csv', 'json'] as const;

/** The media types a script or manifest is sent as (shell, Metalink, CSV, JSON lines). */
export const SCRIPT_MEDIA_TYPES = [
  'text/x-shellscript; charset=utf-8',
  'application/metalink4+xml',
  'text/csv; charset=utf-8',
  'application/jsonl',
] as const;

export const ScriptQuery = z.object({
  format: z.enum(SCRIPT_FORMATS).describe('curl, wget, rucio, metalink, csv or json'),
  hours: z.coerce
    .number()
    .int()
    .min(1)
    .max(LINK_HOURS_CEILING)
    .optional()
    .describe('How long the links of a curl, wget or metalink script work (24 unless given)'),
});

/** The most DIDs one selection's script may name (a deployment may allow fewer: SCRIPT_MAX_DIDS). */
export const SCRIPT_SELECTION_MAX_DIDS = 1_000;

export const ScriptSelection = z
  .strictObject({
    dids: z
      .array(z.strictObject({ scope: ScopeName, name: DidName }))
      .min(1, { message: 'is empty: name at least one DID' })
      .max(SCRIPT_SELECTION_MAX_DIDS, {
        message: `holds more than ${String(SCRIPT_SELECTION_MAX_DIDS)} DIDs: narrow the search, or add the DIDs to the basket in parts and fetch the basket`,
      })
      .describe(
        `Files, datasets or containers (a search's selection or whole result), at most ${String(SCRIPT_SELECTION_MAX_DIDS)}; a file reached twice is listed once`,
      ),
  })
  .meta({
    id: 'ScriptSelection',
    examples: [
      {
        dids: [
          { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' },
          {
            scope: 'acada',
            name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03/SUB002_SWAT000_20250203T211400_SBID0000000002000000001_OBSID0000000002000000001_SUBARRAY_CHUNK000.fits.fz',
          },
        ],
      },
    ],
  });
export type ScriptSelection = z.infer<typeof ScriptSelection>;
