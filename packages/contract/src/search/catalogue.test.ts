import { describe, expect, it } from 'vitest';
import { ARRAY_ELEMENTS, CATALOGUE, catalogueField, FACET_KEYS, fieldFor } from './catalogue.ts';
import { DID_COLUMN_KEYS, JSON_TABLE_KEYS, pluginOf } from './rucio-keys.ts';
import { findTarget, TARGETS } from './targets.ts';
import { keyProblem, valueProblem } from './validate-condition.ts';

/** The metadata keys the demo seed writes (apps/devstack/python/seed: dl0.py, products.py). */
const SEED_KEYS = [
  'observatory',
  'start_time',
  'end_time',
  'sb_id',
  'obs_id',
  'valid_fits_checksum',
  'site',
  'target_name',
  'ra_pnt',
  'dec_pnt',
  'observing_night',
  'data_level',
  'data_type',
  'array_element',
  'subarray_id',
  'tel_ids',
  'n_tels',
  'tstart',
  'tstop',
  'livetime',
  'particle',
  'zenith_deg',
  'azimuth_deg',
];

describe('the metadata catalogue', () => {
  it('knows every key the issue and the seed use, once each', () => {
    expect(CATALOGUE.map((f) => f.key).sort()).toEqual([...SEED_KEYS].sort());
  });

  it('types keys as the seed stores them', () => {
    const types = Object.fromEntries(CATALOGUE.map((f) => [f.key, f.type]));
    expect(types).toMatchObject({
      obs_id: 'int',
      sb_id: 'int',
      subarray_id: 'int',
      tel_ids: 'int-list',
      ra_pnt: 'float',
      dec_pnt: 'float',
      start_time: 'datetime',
      observing_night: 'date',
      site: 'enum',
      data_level: 'enum',
      valid_fits_checksum: 'bool',
      target_name: 'string',
    });
    expect(catalogueField('ra_pnt')).toMatchObject({ unit: 'deg', range: { min: 0, max: 360 } });
    expect(catalogueField('livetime')?.unit).toBe('s');
    expect(catalogueField('site')?.values).toEqual(['CTAO-North', 'CTAO-South']);
  });

  it('uses only keys the JSON plugin reads from the metadata', () => {
    for (const { key } of CATALOGUE) {
      expect(DID_COLUMN_KEYS.has(key) || JSON_TABLE_KEYS.has(key), key).toBe(false);
      expect(pluginOf(key, '='), key).toBe('json');
      expect(keyProblem(key, '='), key).toBeUndefined();
    }
  });

  it('offers only values a filter can carry, for every key that has values', () => {
    for (const field of CATALOGUE.filter((f) => f.filterable && f.values)) {
      for (const value of field.values ?? []) {
        expect(valueProblem(field.key, '=', value), `${field.key}=${value}`).toBeUndefined();
      }
    }
  });

  it('names every array element, telescopes by tel_id range plus ARRAY', () => {
    expect(ARRAY_ELEMENTS).toHaveLength(4 + 15 + 4 + 14 + 50 + 1);
    expect(ARRAY_ELEMENTS).toEqual(
      expect.arrayContaining(['LSTN-01', 'MSTN-15', 'MSTS-14', 'SSTS-50', 'ARRAY']),
    );
  });

  it('facets the keys the results page counts', () => {
    expect(FACET_KEYS).toEqual(
      expect.arrayContaining([
        'observatory',
        'site',
        'data_level',
        'target_name',
        'tel_ids',
        'array_element',
      ]),
    );
    expect(FACET_KEYS).not.toContain('obs_id');
  });

  it('keeps tel_ids readable but not filterable (rucio#6841)', () => {
    expect(catalogueField('tel_ids')).toMatchObject({ faceted: true, filterable: false });
  });

  it('lets unknown keys through untyped', () => {
    expect(catalogueField('analysis')).toBeUndefined();
    expect(fieldFor('analysis')).toMatchObject({ key: 'analysis', type: 'any', filterable: true });
  });
});

describe('targets', () => {
  it('are the seed’s targets, found without regard to case and spaces', () => {
    expect(TARGETS.map((t) => t.name)).toEqual(catalogueField('target_name')?.values);
    expect(findTarget('mrk421')).toMatchObject({ ra: 166.11381, dec: 38.20883 });
    expect(findTarget('SGR A*')?.site).toBe('CTAO-South');
    expect(findTarget('Andromeda')).toBeUndefined();
  });
});
