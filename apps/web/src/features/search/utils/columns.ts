import { CATALOGUE, fieldFor, type MetadataField } from '@bdms/contract/search/catalogue.ts';
import { formatMjd, msToMjd } from '@bdms/contract/search/time.ts';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import { formatBytes, formatCount } from '@/lib/format.ts';
import { scalarText } from './scalar-text.ts';

/** A column of the results table: a DID field or a catalogue key. */
export interface Column {
  id: string;
  label: string;
  unit?: string;
  /** Default width in pixels. */
  width: number;
  numeric: boolean;
  /** The raw value, for sorting. */
  value: (row: SearchRow) => unknown;
  /** The value as shown. */
  text: (row: SearchRow) => string;
  /** A longer form for the cell's title (exact bytes, MJD). */
  title?: (row: SearchRow) => string | undefined;
}

export const MIN_COLUMN_WIDTH = 60;
/** Wider than any DID name: a larger width (from a link) would only break the layout. */
export const MAX_COLUMN_WIDTH = 2000;

export const clampWidth = (px: number): number =>
  Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(px)));

/** The name column: always shown, first; sortable and resizable like the others. */
export const NAME_COLUMN = { id: 'name', label: 'Name', width: 420 } as const;

const TYPE_WORD = { FILE: 'File', DATASET: 'Dataset', CONTAINER: 'Container' } as const;

export const FIXED_COLUMNS: readonly Column[] = [
  {
    id: 'scope',
    label: 'Scope',
    width: 110,
    numeric: false,
    value: (r) => r.scope,
    text: (r) => r.scope,
  },
  {
    id: 'type',
    label: 'Type',
    width: 100,
    numeric: false,
    value: (r) => r.type,
    text: (r) => TYPE_WORD[r.type],
  },
  {
    id: 'bytes',
    label: 'Size',
    width: 100,
    numeric: true,
    value: (r) => r.bytes,
    text: (r) => formatBytes(r.bytes),
    title: (r) => (r.bytes === null ? undefined : `${formatCount(r.bytes)} bytes`),
  },
  {
    id: 'length',
    label: 'Files',
    width: 80,
    numeric: true,
    value: (r) => r.length,
    text: (r) => formatCount(r.length),
  },
];

/** `2025-02-04T21:34:05` as `2025-02-04 21:34:05`, with its MJD in the title. */
function timeCell(value: unknown): { text: string; title?: string } {
  if (typeof value !== 'string') return { text: display(value) };
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(ms)) return { text: value };
  return { text: value.replace('T', ' '), title: `MJD ${formatMjd(msToMjd(ms))} (UTC)` };
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(display).join(', ');
  return scalarText(value);
}

function numberText(field: MetadataField, value: unknown): string {
  if (typeof value !== 'number') return display(value);
  if (field.unit === 'deg') return `${Number(value.toFixed(4))}°`;
  if (field.unit === 's') return `${formatCount(value)} s`;
  return field.type === 'int' ? String(value) : String(Number(value.toFixed(6)));
}

export function metaColumn(key: string): Column {
  const field = fieldFor(key);
  const numeric = field.type === 'int' || field.type === 'float';
  const column: Column = {
    id: `meta.${key}`,
    label: field.label,
    width: field.type === 'datetime' ? 170 : numeric ? 120 : 130,
    numeric,
    value: (r) => r.meta[key],
    text: (r) =>
      field.type === 'datetime'
        ? timeCell(r.meta[key]).text
        : numeric
          ? numberText(field, r.meta[key])
          : display(r.meta[key]),
  };
  if (field.unit) column.unit = field.unit;
  if (field.type === 'datetime') column.title = (r) => timeCell(r.meta[key]).title;
  return column;
}

/** Every column the chooser offers: the DID's own, then the catalogue's. */
export const ALL_COLUMNS: readonly Column[] = [
  ...FIXED_COLUMNS,
  ...CATALOGUE.map((f) => metaColumn(f.key)),
];

export const columnById = (id: string): Column | undefined => ALL_COLUMNS.find((c) => c.id === id);

export const DEFAULT_COLUMNS: readonly string[] = [
  'type',
  'bytes',
  'meta.obs_id',
  'meta.site',
  'meta.data_level',
  'meta.target_name',
  'meta.start_time',
];
