/** Twins of the rule-request routes (see api-contract.ts for why twins); loaded by its page. */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';

const Int = z.int();

export const RseExpressionPreview = z.object({
  expression: z.string(),
  rses: z.array(
    z.object({
      rse: z.string(),
      type: z.enum(['DISK', 'TAPE']),
      city: z.nullable(z.string()),
      country: z.nullable(z.string()),
    }),
  ),
  problem: z.nullable(z.string()),
});

export const RuleQuote = z.object({
  account: z.string(),
  files: Int,
  bytes: z.number(),
  dids: z.array(
    z.object({
      scope: z.string(),
      name: z.string(),
      type: z.enum(['FILE', 'DATASET', 'CONTAINER']),
      bytes: z.nullable(z.number()),
      files: z.nullable(Int),
    }),
  ),
  rses: z.array(
    z.object({
      rse: z.string(),
      usedBytes: z.number(),
      limitBytes: z.nullable(z.number()),
      unlimited: z.boolean(),
      afterBytes: z.number(),
      fits: z.boolean(),
      exceeds: z.boolean(),
      fullGlobalLimits: z.array(z.string()),
    }),
  ),
  quotaChecked: z.boolean(),
  fitting: Int,
  overQuota: z.boolean(),
});

export const RuleRequestResult = z.object({
  ruleIds: z.array(z.string()),
  state: z.enum(['created', 'waiting_approval']),
});

export const ruleRequestApi = {
  resolveRses: { method: 'get', path: '/api/rse-expressions', response: RseExpressionPreview },
  quoteRule: { method: 'post', path: '/api/rule-quotes', response: RuleQuote },
  requestRule: { method: 'post', path: '/api/rules', response: RuleRequestResult },
} as const satisfies { [K in keyof Api]?: ClientRoute };
