import { fieldFor, type FieldType, type SearchRow } from '@bdms/contract';

/*
 * The columns of an export: the row's own fields, then one per metadata key (metaColumns), each
 * typed from the catalogue so that CSV, NDJSON and VOTable say the same thing.
 */

export interface ExportColumn {
  /** Column name in the file (a metadata key clashing with a row field gets a `meta_` prefix). */
  name: string;
  type: FieldType;
  unit?: string;
  ucd?: string;
  description: string;
  value: (row: SearchRow) => unknown;
}

/** UCD1+ words where they say something true about the value. */
const UCD: Record<string, string> = {
  obs_id: 'meta.id;obs',
  sb_id: 'meta.id',
  tel_ids: 'meta.id;instr.tel',
  array_element: 'meta.id;instr.tel',
  subarray_id: 'meta.id;instr.setup',
  observatory: 'meta.id;instr.obsty',
  site: 'meta.id;instr.obsty',
  data_level: 'meta.code.class',
  data_type: 'meta.code.class',
  start_time: 'time.start',
  end_time: 'time.end',
  ra_pnt: 'pos.eq.ra',
  dec_pnt: 'pos.eq.dec',
  target_name: 'meta.id;src',
  n_tels: 'meta.number;instr.tel',
  livetime: 'time.duration',
  tstart: 'time.start',
  tstop: 'time.end',
  zenith_deg: 'pos.az.zd',
  azimuth_deg: 'pos.az.azi',
};

const BASE: ExportColumn[] = [
  {
    name: 'scope',
    type: 'string',
    ucd: 'meta.id',
    description: 'Rucio scope',
    value: (r) => r.scope,
  },
  {
    name: 'name',
    type: 'string',
    ucd: 'meta.id;meta.main',
    description: 'DID name (the logical file name for files)',
    value: (r) => r.name,
  },
  { name: 'type', type: 'string', description: 'FILE, DATASET or CONTAINER', value: (r) => r.type },
  {
    name: 'bytes',
    type: 'int',
    unit: 'byte',
    description: 'Size in bytes',
    value: (r) => r.bytes,
  },
  {
    name: 'length',
    type: 'int',
    ucd: 'meta.number',
    description: 'Number of files of a collection',
    value: (r) => r.length,
  },
];

export function exportColumns(metaKeys: readonly string[]): ExportColumn[] {
  const taken = new Set(BASE.map((c) => c.name));
  const meta = metaKeys.map((key): ExportColumn => {
    const field = fieldFor(key);
    const column: ExportColumn = {
      name: taken.has(key) ? `meta_${key}` : key,
      type: field.type,
      description: field.description,
      value: (r) => r.meta[key],
    };
    if (field.unit) column.unit = field.unit;
    const ucd = UCD[key];
    if (ucd) column.ucd = ucd;
    return column;
  });
  return [...BASE, ...meta];
}
