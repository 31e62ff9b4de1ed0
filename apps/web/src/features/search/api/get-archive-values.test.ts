import * as contract from '@bdms/contract';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { archiveValuesApi } from './get-archive-values.ts';

/* The archive-values twin held to the contract, as src/lib/api-contract-search.test.ts does. */

const validation = (schema: z.core.$ZodType) =>
  z.toJSONSchema(schema, { metadata: z.registry(), io: 'output', unrepresentable: 'any' });

/** Left to the BFF, as for the other twins: the instant's format and the values' length. */
const leftToTheBff = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema), (key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const out = { ...(value as Record<string, unknown>) };
    delete out.maxLength;
    if (out.format === 'date-time') {
      delete out.format;
      delete out.pattern;
    }
    return out;
  }) as unknown;

describe('the SPA twin of GET /api/search/values', () => {
  const [mine, theirs] = [archiveValuesApi.searchValues, contract.api.searchValues];

  it('has the contract’s method and path', () => {
    expect({ method: mine.method, path: mine.path }).toEqual({
      method: theirs.method,
      path: theirs.path,
    });
  });

  it('validates exactly what the contract says, but the instant’s format and the lengths', () => {
    expect(leftToTheBff(validation(mine.response))).toEqual(
      leftToTheBff(validation(theirs.response)),
    );
  });

  it('gives the contract’s TypeScript type (checked by typecheck)', () => {
    expectTypeOf<z.output<typeof mine.response>>().toEqualTypeOf<
      contract.ApiResponse<'searchValues'>
    >();
  });
});
