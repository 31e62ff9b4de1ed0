/** Twins of the download-link routes (see api-contract.ts for why twins); loaded lazily. */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';

export const DownloadLink = z.object({
  id: z.string(),
  scope: z.string(),
  name: z.string(),
  url: z.string(),
  bytes: z.nullable(z.number()),
  adler32: z.nullable(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.nullable(z.string()),
  state: z.enum(['active', 'expired', 'revoked']),
  uses: z.int(),
  lastUsedAt: z.nullable(z.string()),
});
export type DownloadLink = z.infer<typeof DownloadLink>;

export const DownloadLinkList = z.object({ links: z.array(DownloadLink), maxHours: z.int() });
export type DownloadLinkList = z.infer<typeof DownloadLinkList>;

/** Keyed like the contract's `api`. */
export const linkApi = {
  createLink: { method: 'post', path: '/api/links', response: DownloadLink },
  listLinks: { method: 'get', path: '/api/links', response: DownloadLinkList },
  revokeLink: { method: 'delete', path: '/api/links/:id', response: DownloadLink },
} as const satisfies { [K in keyof Api]?: ClientRoute };
