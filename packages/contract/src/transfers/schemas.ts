import { z } from 'zod';

const Int = z.number().int();

export const TransferPair = z
  .object({
    source: z.string(),
    destination: z.string(),
    files: Int,
    bytes: z.number(),
    states: z.record(z.string(), Int).describe('Requests by state (SUBMITTED, WAITING…)'),
  })
  .meta({ id: 'TransferPair' });

export const TransferRequest = z
  .object({
    id: z.string(),
    scope: z.string(),
    name: z.string(),
    state: z.string(),
    bytes: z.number().nullable(),
    account: z.string().nullable(),
    ruleId: z.string().nullable(),
    activity: z.string().nullable(),
    source: z.string(),
    destination: z.string(),
    submittedAt: z.string().nullable().describe('ISO 8601'),
    retries: Int,
  })
  .meta({ id: 'TransferRequest' });

export const TransferOverview = z
  .object({
    pairs: z
      .array(TransferPair)
      .describe('Every source → destination RSE pair with transfers in flight, most files first'),
    requests: z
      .array(TransferRequest)
      .describe('The transfers in flight, oldest submission first, at most `limit` of them'),
    total: Int.describe('How many transfers are in flight in all'),
    fetchedAt: z.string().describe('ISO 8601: when Rucio was asked'),
  })
  .meta({ id: 'TransferOverview' });
export type TransferOverview = z.infer<typeof TransferOverview>;
