import { catalogueField, type MetadataEntry } from '@bdms/contract';
import { isoInstant } from '../lib/rucio-values.ts';

type Scalar = string | number | boolean | null;
type Described = Pick<MetadataEntry, 'unit' | 'description'>;

export type DescribeKey = (key: string) => Described;

/** Unit and description of a key from the CTAO field catalogue (the contract); none for others. */
export const describeKnownKey: DescribeKey = (key) => {
  const field = catalogueField(key);
  if (!field) return {};
  return {
    ...(field.unit ? { unit: field.unit } : {}),
    description: field.description,
  };
};

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Rucio's own dates (DID columns): RFC 1123, e.g. `Wed, 02 Dec 2026 00:27:15 UTC`. */
const RFC1123 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (UTC|GMT)$/;

const isScalar = (v: unknown): v is Scalar =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);

type Typed = Pick<MetadataEntry, 'kind' | 'value'>;

/** A metadata value with the kind the SPA formats it by; nested values travel as JSON text. */
export function typed(value: unknown): Typed {
  if (value === null || value === undefined) return { kind: 'null', value: null };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') {
    if (RFC1123.test(value)) return { kind: 'datetime', value: isoInstant(value) ?? value };
    if (DATETIME.test(value)) return { kind: 'datetime', value };
    if (DATE.test(value)) return { kind: 'date', value };
    return { kind: 'string', value };
  }
  if (Array.isArray(value) && value.every(isScalar)) return { kind: 'list', value };
  return { kind: 'json', value: JSON.stringify(value) };
}

/**
 * Descriptive DID columns (Rucio's DID_COLUMN plugin) worth showing when set. The columns the page
 * shows in their own places (size, checksums, dates, status) are left out.
 */
const COLUMNS = [
  'project',
  'datatype',
  'run_number',
  'stream_name',
  'prod_step',
  'version',
  'campaign',
  'events',
  'guid',
  'task_id',
  'panda_id',
  'lumiblocknr',
  'provenance',
  'phys_group',
  'complete',
  'purge_replicas',
  'transient',
  'is_archive',
  'constituent',
  'access_cnt',
  'accessed_at',
  'closed_at',
  'eol_at',
];

const byKey = (a: MetadataEntry, b: MetadataEntry): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/** Every metadata key of a DID: the JSON plugin's keys, then the set DID columns, each by key. */
export function metadataEntries(
  json: Record<string, unknown>,
  columns: Record<string, unknown>,
  describe: DescribeKey,
): MetadataEntry[] {
  const custom = Object.entries(json).map(([key, value]): MetadataEntry => ({
    key,
    plugin: 'JSON',
    ...typed(value),
    ...describe(key),
  }));
  const set = COLUMNS.filter((key) => columns[key] !== null && columns[key] !== undefined).map(
    (key): MetadataEntry => ({ key, plugin: 'DID_COLUMN', ...typed(columns[key]) }),
  );
  return [...custom.sort(byKey), ...set.sort(byKey)];
}
