import { CATALOGUE, fieldFor, type FieldType } from './catalogue.ts';
import { DID_COLUMN_KEYS, JSON_TABLE_KEYS } from './rucio-keys.ts';

/*
 * Which keys the archive's values can be listed for (GET /api/search/values). The BFF finds them
 * by comparing Rucio's JSON metadata as text, so only keys whose values are text make sense:
 * the catalogue's string and enumerated keys, and keys outside the catalogue (whatever they hold
 * is compared as text). Numbers, times, dates, booleans and lists have ranges, not suggestions;
 * DID columns and Rucio's own fields are not JSON metadata at all. Plain TypeScript: the SPA asks
 * the same question before it asks the BFF.
 */

/** The catalogue types whose values are listed. `any`: a key the catalogue does not know. */
export const LISTED_VALUE_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'string',
  'enum',
  'any',
]);

/** Names Rucio's filter engine reads as Python constants, not as keys. */
const PYTHON_CONSTANTS = ['True', 'False', 'None'];

/** Every key refused, sorted: catalogue keys of other types, DID columns, Rucio's own fields. */
export const UNLISTED_VALUE_KEYS: readonly string[] = [
  ...new Set([
    ...CATALOGUE.filter((f) => !LISTED_VALUE_TYPES.has(f.type)).map((f) => f.key),
    ...DID_COLUMN_KEYS,
    ...JSON_TABLE_KEYS,
    ...PYTHON_CONSTANTS,
    'name',
  ]),
].sort();

/**
 * The key rule as one pattern (for the OpenAPI document and its fuzzer): a metadata key (letters,
 * digits and _, no leading digit, at most 100 characters) that is none of UNLISTED_VALUE_KEYS.
 */
export const LISTED_VALUE_KEY_PATTERN = `^(?!(?:${UNLISTED_VALUE_KEYS.join('|')})$)[A-Za-z_][A-Za-z0-9_]{0,99}$`;

const LISTED_VALUE_KEY_RE = new RegExp(LISTED_VALUE_KEY_PATTERN);

/** Whether the archive's values of `key` can be listed. */
export const hasListedValues = (key: string): boolean => LISTED_VALUE_KEY_RE.test(key);

/** Why the values of `key` are not listed, in words naming the key; undefined when they are. */
export function unlistedValuesReason(key: string): string | undefined {
  if (hasListedValues(key)) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(key))
    return `"${key}" is no metadata key: letters, digits and _, no leading digit, at most 100`;
  const type = fieldFor(key).type;
  if (!LISTED_VALUE_TYPES.has(type))
    return `${key} holds ${type === 'int' || type === 'float' ? 'numbers' : `${type} values`}: it has a range, not a list of values`;
  return `${key} is not JSON metadata (a DID column or one of Rucio's own fields)`;
}
