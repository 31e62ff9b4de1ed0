import { TARGETS } from './targets.ts';

/*
 * The CTAO metadata keys the portal knows: what BDMS ingestion writes on DL0 files
 * (ctao-bdms-clients) plus the descriptive keys of the demo archive (apps/devstack/python/seed),
 * with the types, units and values the seed really stores. Keys not listed here stay usable:
 * `fieldFor` gives them the type `any`, and Rucio then types the value itself.
 */

export type FieldType =
  | 'int'
  | 'float'
  | 'string' // free text; `values` are suggestions
  | 'enum' // only `values`
  | 'bool'
  | 'datetime' // UTC, ISO 8601 without zone, as BDMS stores it: 2025-02-04T21:34:05
  | 'date' // YYYY-MM-DD, compared as text
  | 'int-list' // JSON array of integers: readable, not filterable (rucio#6841)
  | 'any'; // not in the catalogue

export interface MetadataField {
  key: string;
  label: string;
  type: FieldType;
  /** VOTable / FITS unit string, e.g. `deg`, `s`. */
  unit?: string;
  description: string;
  /** Allowed values (`enum`) or suggestions (`string`, `int`), as the text a filter carries. */
  values?: readonly string[];
  range?: { min: number; max: number };
  /** Counted per value in the result facets. */
  faceted: boolean;
  /** Usable in a Rucio filter. */
  filterable: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const series = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}-${pad(i + 1)}`);

/** Array element names by tel_id range (array-element-ids.json), plus ARRAY for array files. */
export const ARRAY_ELEMENTS: readonly string[] = [
  ...series('LSTN', 4),
  ...series('MSTN', 15),
  ...series('LSTS', 4),
  ...series('MSTS', 14),
  ...series('SSTS', 50),
  'ARRAY',
];

const id = (key: string, label: string, description: string): MetadataField => ({
  key,
  label,
  type: 'int',
  description,
  range: { min: 0, max: Number.MAX_SAFE_INTEGER },
  faceted: false,
  filterable: true,
});

const time = (key: string, label: string, description: string): MetadataField => ({
  key,
  label,
  type: 'datetime',
  description: `${description} (UTC, ISO 8601 without zone, e.g. 2025-02-04T21:34:05)`,
  faceted: false,
  filterable: true,
});

const text = (key: string, label: string, description: string, values: readonly string[]) => ({
  key,
  label,
  type: 'string' as const,
  description,
  values,
  faceted: true,
  filterable: true,
});

function angle(
  key: string,
  label: string,
  description: string,
  min: number,
  max: number,
): MetadataField {
  const range = { min, max };
  return {
    key,
    label,
    type: 'float',
    unit: 'deg',
    description,
    range,
    faceted: false,
    filterable: true,
  };
}

function seconds(key: string, label: string, description: string): MetadataField {
  return { key, label, type: 'float', unit: 's', description, faceted: false, filterable: true };
}

export const CATALOGUE: readonly MetadataField[] = [
  id('obs_id', 'Observation ID', 'Observation block ID: creator ID × 10⁹ + n, e.g. 2000000200'),
  id('sb_id', 'Scheduling block ID', 'Scheduling block ID; one block holds 2 to 4 observations'),
  {
    key: 'tel_ids',
    label: 'Telescopes',
    type: 'int-list',
    description:
      'tel_id of every telescope in a trigger file or DL3 observation (1-4 LSTN, 5-19 MSTN, ' +
      '101-104 LSTS, 105-118 MSTS, 119-168 SSTS). Rucio cannot filter on a list ' +
      '(rucio#6841): filter on array_element or subarray_id instead.',
    range: { min: 1, max: 183 },
    faceted: true,
    filterable: false,
  },
  text('array_element', 'Array element', 'Telescope of a DL0 event file, or ARRAY', ARRAY_ELEMENTS),
  {
    key: 'subarray_id',
    label: 'Subarray',
    type: 'int',
    description: '1 = LST-1, 2 = the four LSTs, 3 = five MSTs of the site',
    values: ['1', '2', '3'],
    range: { min: 0, max: 1000 },
    faceted: true,
    filterable: true,
  },
  text('observatory', 'Observatory', 'FITS ORIGIN of the data stream', ['CTA']),
  {
    key: 'site',
    label: 'Site',
    type: 'enum',
    description: 'Array site that took the data',
    values: ['CTAO-North', 'CTAO-South'],
    faceted: true,
    filterable: true,
  },
  {
    key: 'data_level',
    label: 'Data level',
    type: 'enum',
    description: 'CTAO data level; SIM for simulations',
    values: ['R1', 'DL0', 'DL1', 'DL2', 'DL3', 'DL4', 'DL5', 'SIM'],
    faceted: true,
    filterable: true,
  },
  text('data_type', 'Data type', 'Product within the data level', [
    'event',
    'subarray',
    'trigger',
    'events-irf',
    'hdu-index',
    'obs-index',
    'sim_telarray',
  ]),
  time('start_time', 'Start time', 'Start of the data'),
  time('end_time', 'End time', 'End of the data'),
  {
    key: 'observing_night',
    label: 'Observing night',
    type: 'date',
    description: 'Date of the evening the night starts (local-noon cut-off), YYYY-MM-DD',
    faceted: false,
    filterable: true,
  },
  angle('ra_pnt', 'Pointing RA', 'Right ascension of the pointing, ICRS', 0, 360),
  angle('dec_pnt', 'Pointing Dec', 'Declination of the pointing, ICRS', -90, 90),
  text(
    'target_name',
    'SkyTarget',
    'Source the observation points at',
    TARGETS.map((t) => t.name),
  ),
  {
    key: 'valid_fits_checksum',
    label: 'Valid FITS checksum',
    type: 'bool',
    description: 'DATASUM and CHECKSUM verified at ingestion (DL0)',
    values: ['true', 'false'],
    faceted: false,
    filterable: true,
  },
  {
    ...id('n_tels', 'Telescopes used', 'Number of telescopes in a DL3 observation'),
    range: { min: 0, max: 200 },
  },
  seconds('livetime', 'Live time', 'Live time of a DL3 observation'),
  seconds('tstart', 'TSTART', 'Start of a DL3 observation, seconds since MJD 51910 (2001-01-01)'),
  seconds('tstop', 'TSTOP', 'End of a DL3 observation, seconds since MJD 51910 (2001-01-01)'),
  text('particle', 'Particle', 'Simulated primary particle', ['gamma', 'gamma-diffuse', 'proton']),
  angle('zenith_deg', 'Zenith angle', 'Simulated zenith angle', 0, 90),
  angle('azimuth_deg', 'Azimuth', 'Simulated azimuth', 0, 360),
];

const BY_KEY: ReadonlyMap<string, MetadataField> = new Map(CATALOGUE.map((f) => [f.key, f]));

/** The catalogue entry of `key`, if the catalogue knows it. */
export const catalogueField = (key: string): MetadataField | undefined => BY_KEY.get(key);

/** The catalogue entry of `key`, or an untyped one: unknown keys stay usable. */
export const fieldFor = (key: string): MetadataField =>
  BY_KEY.get(key) ?? {
    key,
    label: key,
    type: 'any',
    description:
      'Not in the catalogue: Rucio compares a number-like value as a number, else as text',
    faceted: false,
    filterable: true,
  };

/** Keys counted in the result facets, in catalogue order. */
export const FACET_KEYS: readonly string[] = CATALOGUE.filter((f) => f.faceted).map((f) => f.key);

export const isNumericField = (field: MetadataField): boolean =>
  field.type === 'int' || field.type === 'float';
