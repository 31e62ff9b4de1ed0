/** Twin of the transfers route (see api-contract.ts for why twins); loaded by the sites page. */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';

const Int = z.int();

export const TransferOverview = z.object({
  pairs: z.array(
    z.object({
      source: z.string(),
      destination: z.string(),
      files: Int,
      bytes: z.number(),
      states: z.record(z.string(), Int),
    }),
  ),
  requests: z.array(
    z.object({
      id: z.string(),
      scope: z.string(),
      name: z.string(),
      state: z.string(),
      bytes: z.nullable(z.number()),
      account: z.nullable(z.string()),
      ruleId: z.nullable(z.string()),
      activity: z.nullable(z.string()),
      source: z.string(),
      destination: z.string(),
      submittedAt: z.nullable(z.string()),
      retries: Int,
    }),
  ),
  total: Int,
  fetchedAt: z.string(),
});

export const transferApi = {
  transfers: { method: 'get', path: '/api/transfers', response: TransferOverview },
} as const satisfies { [K in keyof Api]?: ClientRoute };
