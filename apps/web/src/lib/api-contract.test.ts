import * as contract from '@bdms/contract';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import * as dids from './api-contract-dids.ts';
import * as core from './api-contract.ts';
import * as rses from './api-contract-rses.ts';
import * as rules from './api-contract-rules.ts';
import * as transfers from './api-contract-transfers.ts';
import * as ruleRequests from './api-contract-rule-requests.ts';
import * as staging from './api-contract-staging.ts';
import * as settings from './api-contract-settings.ts';
import * as replicas from './api-contract-replicas.ts';
import * as links from './api-contract-links.ts';
import * as basket from './api-contract-basket.ts';
import * as quotas from './api-contract-quotas.ts';

/** Every twin route, whichever module carries it. */
const twin = {
  ...core,
  api: {
    ...core.api,
    ...dids.didApi,
    ...rses.rseApi,
    ...rules.ruleApi,
    ...transfers.transferApi,
    ...ruleRequests.ruleRequestApi,
    ...staging.stagingApi,
    ...settings.settingsApi,
    ...replicas.replicaApi,
    ...links.linkApi,
    ...basket.basketApi,
    ...quotas.quotaApi,
  },
};

type Key = keyof typeof twin.api;
const keys = Object.keys(twin.api) as Key[];

/** What validation depends on: the JSON Schema without metadata (descriptions, ids). */
const validation = (schema: z.core.$ZodType) =>
  z.toJSONSchema(schema, { metadata: z.registry(), io: 'output' });

/** The statuses besides 2xx whose body the contract declares to be the route's own response. */
const dataStatuses = (def: contract.RouteDef) =>
  Object.entries(def.bodies ?? {})
    .filter(([, body]) => body === def.response)
    .map(([status]) => Number(status));

describe('the SPA twin of the contract (api-contract.ts)', () => {
  it.each(keys)('%s: same method, path and data statuses as the contract', (key) => {
    const [mine, theirs] = [twin.api[key], contract.api[key]];
    expect({ method: mine.method, path: mine.path }).toEqual({
      method: theirs.method,
      path: theirs.path,
    });
    const declared = 'dataStatuses' in mine ? [...mine.dataStatuses] : [];
    expect(declared).toEqual(dataStatuses(theirs));
  });

  it.each(keys)('%s: its response schema validates exactly what the contract says', (key) => {
    expect(validation(twin.api[key].response)).toEqual(validation(contract.api[key].response));
  });

  it('reads error bodies as the contract writes them, except that any code is accepted', () => {
    const theirs = validation(contract.ApiErrorBody) as unknown as {
      properties: { error: { properties: Record<string, unknown> } };
    };
    theirs.properties.error.properties.code = { type: 'string' };
    expect(validation(twin.ApiErrorBody)).toEqual(theirs);
    for (const code of contract.ErrorCode.options) {
      const body = { error: { code, message: 'm' } };
      expect(twin.ApiErrorBody.safeParse(body).success).toBe(true);
    }
  });

  it('gives the same TypeScript types as the contract (checked by typecheck)', () => {
    type Mine = { [K in Key]: z.output<(typeof twin.api)[K]['response']> };
    type Theirs = { [K in Key]: contract.ApiResponse<K> };
    expectTypeOf<Mine>().toEqualTypeOf<Theirs>();
    expectTypeOf<contract.ApiErrorBody>().toExtend<z.output<typeof twin.ApiErrorBody>>();
  });
});
