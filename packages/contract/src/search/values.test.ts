import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../openapi.ts';
import { CATALOGUE } from './catalogue.ts';
import { hasListedValues, unlistedValuesReason } from './value-keys.ts';
import { ScopeName } from '../names.ts';
import { ArchiveValues, ArchiveValuesQuery, ValuesScope } from './values.ts';

type Doc = {
  paths: Record<string, Record<string, { parameters?: { name: string; schema: unknown }[] }>>;
};

describe('which keys have their archive values listed', () => {
  it("lists the catalogue's text keys and keys outside the catalogue", () => {
    const listed = CATALOGUE.filter((f) => hasListedValues(f.key)).map((f) => f.key);
    expect(listed).toEqual([
      'array_element',
      'observatory',
      'site',
      'data_level',
      'data_type',
      'target_name',
      'particle',
    ]);
    for (const key of ['instrument', '_x', 'Site', 'obs_idx', 'names'])
      expect(hasListedValues(key)).toBe(true);
  });

  it.each([
    ['obs_id', 'obs_id holds numbers'],
    ['ra_pnt', 'ra_pnt holds numbers'],
    ['start_time', 'start_time holds datetime values'],
    ['observing_night', 'observing_night holds date values'],
    ['valid_fits_checksum', 'valid_fits_checksum holds bool values'],
    ['tel_ids', 'tel_ids holds int-list values'],
    ['subarray_id', 'subarray_id holds numbers'],
    ['name', 'name is not JSON metadata'],
    ['type', 'type is not JSON metadata'],
    ['run_number', 'run_number is not JSON metadata'],
    ['updated_at', 'updated_at is not JSON metadata'],
    ['True', 'True is not JSON metadata'],
    ['site.gt', '"site.gt" is no metadata key'],
    ['1x', '"1x" is no metadata key'],
    ['', '"" is no metadata key'],
    ['k'.repeat(101), 'is no metadata key'],
  ])('refuses %s, saying why', (key, reason) => {
    expect(hasListedValues(key)).toBe(false);
    expect(unlistedValuesReason(key)).toContain(reason);
    const parsed = ArchiveValuesQuery.safeParse({ scope: 'acada', key });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(reason);
  });

  it('takes a scope by Rucio’s rule (ScopeName’s, unregistered so the OpenAPI document has no dangling reference) and a listed key', () => {
    expect(ValuesScope.safeParse('x'.repeat(26)).success).toBe(false);
    for (const scope of ['acada', 'user.alice', 'a-b_c', '.', '..', '', 'a/b', 'x'.repeat(25)])
      expect(ValuesScope.safeParse(scope).success).toBe(ScopeName.safeParse(scope).success);
    expect(ArchiveValuesQuery.parse({ scope: 'user.alice', key: 'site' })).toEqual({
      scope: 'user.alice',
      key: 'site',
    });
    expect(ArchiveValuesQuery.safeParse({ scope: '..', key: 'site' }).success).toBe(false);
  });
});

describe('the answer', () => {
  it('carries the values as text, whether the listing is complete, and when it was made', () => {
    const answer = {
      scope: 'acada',
      key: 'site',
      values: ['CTAO-North', 'CTAO-South'],
      complete: true,
      computedAt: '2026-12-02T10:00:00.000Z',
    };
    expect(ArchiveValues.parse(answer)).toEqual(answer);
    expect(ArchiveValues.safeParse({ ...answer, computedAt: 'now' }).success).toBe(false);
    expect(ArchiveValues.safeParse({ ...answer, values: [1] }).success).toBe(false);
  });

  it('is documented with the key rule as a pattern, so a fuzzer stays on the right side', () => {
    const doc = buildOpenApi('1') as Doc;
    const get = doc.paths['/api/search/values']?.get;
    expect(JSON.stringify(get?.parameters)).not.toContain('$ref');
    const key = get?.parameters?.find((p) => p.name === 'key');
    const pattern = (key?.schema as { pattern?: string } | undefined)?.pattern ?? '';
    expect(new RegExp(pattern).test('site')).toBe(true);
    expect(new RegExp(pattern).test('obs_id')).toBe(false);
    expect(new RegExp(pattern).test('obs_idx')).toBe(true);
  });
});
