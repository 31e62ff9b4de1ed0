import * as contract from '@bdms/contract';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { searchApi } from './api-contract-search.ts';

/* The search twins held to the contract, as api-contract.test.ts does for the others. */

type Key = keyof typeof searchApi;
const keys = Object.keys(searchApi) as Key[];

const validation = (schema: z.core.$ZodType) =>
  z.toJSONSchema(schema, { metadata: z.registry(), io: 'output', unrepresentable: 'any' });

/**
 * What the twin leaves to the BFF (see api-contract-search.ts): uuid and date-time formats, and
 * size limits.
 */
const LEFT_TO_THE_BFF = new Set(['maxLength', 'maxItems', 'minimum']);
const plainStrings = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema), (key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const record = value as Record<string, unknown>;
    // A row's `meta` is checked by a hand-written guard in the twin (tested below).
    const kept = Object.entries(record)
      .filter(([k]) => !LEFT_TO_THE_BFF.has(k))
      .map(([k, v]): [string, unknown] => (k === 'meta' ? [k, {}] : [k, v]));
    const out: Record<string, unknown> = Object.fromEntries(kept);
    if (record.format === 'uuid' || record.format === 'date-time') {
      delete out.format;
      delete out.pattern;
    }
    return out;
  }) as unknown;

describe('the SPA twin of the search contract (api-contract-search.ts)', () => {
  it.each(keys)('%s: same method and path as the contract', (key) => {
    const [mine, theirs] = [searchApi[key], contract.api[key]];
    expect({ method: mine.method, path: mine.path }).toEqual({
      method: theirs.method,
      path: theirs.path,
    });
  });

  it.each(keys)('%s: its response schema validates exactly what the contract says', (key) => {
    expect(plainStrings(validation(searchApi[key].response))).toEqual(
      plainStrings(validation(contract.api[key].response)),
    );
  });

  it('gives the same TypeScript types as the contract (checked by typecheck)', () => {
    // One key at a time: compared inside one mapped type, the search route's union of row
    // shapes trips expectTypeOf although each side equals the other.
    type Mine<K extends Key> = z.output<(typeof searchApi)[K]['response']>;
    type Theirs<K extends Key> = contract.ApiResponse<K>;
    expectTypeOf<Mine<'search'>>().toEqualTypeOf<Theirs<'search'>>();
    expectTypeOf<Mine<'searchExport'>>().toEqualTypeOf<Theirs<'searchExport'>>();
    expectTypeOf<Mine<'listSavedSearches'>>().toEqualTypeOf<Theirs<'listSavedSearches'>>();
    expectTypeOf<Mine<'createSavedSearch'>>().toEqualTypeOf<Theirs<'createSavedSearch'>>();
    expectTypeOf<Mine<'getSavedSearch'>>().toEqualTypeOf<Theirs<'getSavedSearch'>>();
    expectTypeOf<Mine<'renameSavedSearch'>>().toEqualTypeOf<Theirs<'renameSavedSearch'>>();
    expectTypeOf<Mine<'deleteSavedSearch'>>().toEqualTypeOf<Theirs<'deleteSavedSearch'>>();
    expectTypeOf<Mine<'recordSavedSearchRun'>>().toEqualTypeOf<Theirs<'recordSavedSearchRun'>>();
  });

  it("checks a row's metadata by hand as the contract does: scalars or lists of scalars", () => {
    const row = { scope: 'acada', name: '/a', type: 'FILE', bytes: 1, length: null };
    const ok = (meta: unknown) => z.safeParse(searchApi.search.response, { ...row, meta }).success;
    const contractOk = (meta: unknown) =>
      contract.api.search.response.safeParse({ ...row, meta }).success;
    for (const meta of [
      {},
      { obs_id: 1, site: 'CTAO-North', ok: true, x: null, tel_ids: [1, 2] },
      { nested: { a: 1 } },
      [],
      null,
      'text',
      { list: [[1]] },
    ])
      expect(ok(meta), JSON.stringify(meta)).toBe(contractOk(meta));
  });
});
