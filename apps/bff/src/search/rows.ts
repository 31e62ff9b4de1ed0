import {
  CATALOGUE,
  DEC_KEY,
  inCone,
  pluginOf,
  RA_KEY,
  type SearchMetaValue,
  type SearchQuery,
  type SearchRow,
} from '@bdms/contract';

/*
 * From Rucio's bulk metadata (plugin ALL: DID columns and JSON keys in one record) to result rows,
 * and the checks Rucio's metadata search cannot make: the DID type (the JSON plugin ignores it)
 * and the exact cone (Rucio only saw its RA/Dec box).
 */

type RowType = SearchRow['type'];

/** The DID types each `type` parameter means. */
const WANTED: Record<NonNullable<SearchQuery['didType']>, readonly RowType[]> = {
  all: ['FILE', 'DATASET', 'CONTAINER'],
  collection: ['DATASET', 'CONTAINER'],
  container: ['CONTAINER'],
  dataset: ['DATASET'],
  file: ['FILE'],
};

/** The metadata columns of a result: the catalogue's keys, then the query's own other JSON keys. */
export function metaColumns(query: SearchQuery): string[] {
  const keys = CATALOGUE.map((f) => f.key);
  for (const c of query.groups.flat())
    if (!keys.includes(c.key) && pluginOf(c.key, c.op) === 'json') keys.push(c.key);
  return keys;
}

const isScalar = (v: unknown): v is string | number | boolean | null =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A stored value as the row carries it; nested JSON (not CTAO's) travels as JSON text. */
function metaValue(value: unknown): SearchMetaValue {
  if (isScalar(value)) return value;
  if (Array.isArray(value) && value.every(isScalar)) return value;
  return JSON.stringify(value);
}

const asType = (value: unknown): RowType | undefined =>
  value === 'FILE' || value === 'DATASET' || value === 'CONTAINER' ? value : undefined;

const asCount = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** A coordinate as Rucio compares it (`CAST(… AS FLOAT)`): a number, or a numeric text. */
function degrees(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export interface RowFilter {
  /** The row for a bulkmeta record, or undefined when the query does not keep it. */
  toRow(record: Record<string, unknown> & { scope: string; name: string }): SearchRow | undefined;
}

export function rowFilter(query: SearchQuery): RowFilter {
  const wanted = WANTED[query.didType ?? 'collection'];
  const columns = metaColumns(query);
  const { cone } = query;
  return {
    toRow(record) {
      const type = asType(record.did_type);
      if (!type || !wanted.includes(type)) return undefined;
      if (cone) {
        const ra = degrees(record[RA_KEY]);
        const dec = degrees(record[DEC_KEY]);
        if (ra === undefined || dec === undefined || !inCone(cone, ra, dec)) return undefined;
      }
      const meta: Record<string, SearchMetaValue> = {};
      for (const key of columns) if (key in record) meta[key] = metaValue(record[key]);
      return {
        scope: record.scope,
        name: record.name,
        type,
        bytes: asCount(record.bytes),
        length: asCount(record.length),
        meta,
      };
    },
  };
}
