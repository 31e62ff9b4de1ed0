/** Twins of the staging routes (see api-contract.ts for why twins); loaded by the DID page. */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';
import { DidRule } from './api-contract-dids.ts';

const Int = z.int();

/** As the rule-request twin's (spelled out: importing that module would load its schemas here). */
const RuleRequestResult = z.object({
  ruleIds: z.array(z.string()),
  state: z.enum(['created', 'waiting_approval']),
});

export const StagingStatus = z.object({
  where: z.enum(['disk', 'tape-only', 'partial', 'none']),
  progress: z.enum([
    'on_disk',
    'not_requested',
    'waiting_approval',
    'replicating',
    'stuck',
    'cannot_stage',
  ]),
  files: Int,
  bytes: z.nullable(z.number()),
  filesOnDisk: Int,
  tapeRses: z.array(z.string()),
  stagingRse: z.string(),
  lifetime: z.object({ defaultSeconds: Int, maxSeconds: Int }),
  rules: z.array(DidRule),
  fetchedAt: z.string(),
});

export const stagingApi = {
  stagingStatus: { method: 'get', path: '/api/dids/:scope/:name/staging', response: StagingStatus },
  requestStaging: {
    method: 'post',
    path: '/api/dids/:scope/:name/staging',
    response: RuleRequestResult,
  },
} as const satisfies { [K in keyof Api]?: ClientRoute };
