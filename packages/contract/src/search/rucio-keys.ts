import { fieldFor, type FieldType } from './catalogue.ts';
import type { Operator } from './query.ts';

/*
 * Which of Rucio's metadata plugins a filter key goes to (rucio/core/did_meta_plugins, Rucio 41).
 * All keys of one search must go to one plugin, else Rucio answers 500 InvalidMetadata.
 */

/**
 * Keys of the DID_COLUMN plugin (`DidColumnMeta.manages_key`: the `dids` columns it does not
 * exclude, plus its extra keys), and `created_at`, which `list_dids` routes there too.
 */
export const DID_COLUMN_KEYS: ReadonlySet<string> = new Set([
  'accessed_at',
  'access_cnt',
  'adler32',
  'bytes',
  'campaign',
  'closed_at',
  'constituent',
  'created_after',
  'created_at',
  'created_before',
  'datatype',
  'deleted_at',
  'eol_at',
  'events',
  'expired_at',
  'guid',
  'hidden',
  'is_archive',
  'is_new',
  'length',
  'lifetime',
  'lumiblocknr',
  'md5',
  'panda_id',
  'phys_group',
  'prod_step',
  'project',
  'provenance',
  'purge_replicas',
  'run_number',
  'stream_name',
  'task_id',
  'transient',
  'type',
  'version',
]);

/**
 * Keys the JSON plugin does not look up in the metadata: attributes of its `did_meta` table
 * model (columns and methods), which `FilterEngine` uses instead of the JSON document.
 */
export const JSON_TABLE_KEYS: ReadonlySet<string> = new Set([
  'delete',
  'did_type',
  'items',
  'keys',
  'meta',
  'metadata',
  'registry',
  'save',
  'scope',
  'to_dict',
  'update',
  'updated_at',
  'values',
]);

/** Types of the DID columns one may compare, for the value checks. */
const DID_COLUMN_TYPES: Readonly<Record<string, FieldType>> = {
  access_cnt: 'int',
  accessed_at: 'datetime',
  bytes: 'int',
  closed_at: 'datetime',
  created_after: 'datetime',
  created_at: 'datetime',
  created_before: 'datetime',
  eol_at: 'datetime',
  events: 'int',
  expired_at: 'datetime',
  length: 'int',
  run_number: 'int',
};

export type MetadataPlugin = 'did_column' | 'json' | 'both';

/**
 * `name` with `=` is passed to every plugin; with another operator it is a DID column
 * (`list_dids` only skips the bare key `name`, not `name.ne`).
 */
export function pluginOf(key: string, op: Operator): MetadataPlugin {
  if (key === 'name') return op === '=' ? 'both' : 'did_column';
  return DID_COLUMN_KEYS.has(key) ? 'did_column' : 'json';
}

/** The value type of `key`: the catalogue's, a DID column's, else `any`. */
export const valueTypeOf = (key: string): FieldType => DID_COLUMN_TYPES[key] ?? fieldFor(key).type;

/** Key and operator as Rucio compares them for duplicates (`created_after` is `created_at >=`). */
export function canonical(key: string, op: Operator): string {
  if (key === 'created_after' && op === '=') return 'created_at >=';
  if (key === 'created_before' && op === '=') return 'created_at <=';
  return `${key} ${op}`;
}
