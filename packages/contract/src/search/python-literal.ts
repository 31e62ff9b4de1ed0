import { withCone } from './cone.ts';
import { rucioFilterKey, type FilterCondition, type SearchQuery } from './query.ts';
import { valueTypeOf } from './rucio-keys.ts';
import { hasArithmetic, rucioKeepsString } from './rucio-typecast.ts';
import { msToRucio, parseTimeInput } from './time.ts';

/*
 * The `filters` parameter of Rucio's `GET /dids/<scope>/dids/search`: the server reads it with
 * `ast.literal_eval` (a list of dicts: OR of AND groups, keys `key` or `key.gte|gt|lte|lt|ne`),
 * which is also what `DIDClient.list_dids` sends (`str(filters)` in the query string). Numbers
 * and booleans go as Python numbers and booleans; strings as Python strings shaped so that Rucio's
 * re-typing of strings (rucio-typecast.ts) gives back exactly the user's text.
 * Only for queries `validateQuery` accepted.
 */

const OCTAL_ALWAYS = /[tTlL]/;

/** One character as a Python escape: octal up to \377 (digits only), else \u or \U. */
function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\${code.toString(8).padStart(3, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/**
 * A Python string literal holding exactly `value`, in printable ASCII whatever the input
 * (quotes, backslashes, newlines, NUL, any Unicode, lone surrogates). With `hideBooleanWords`,
 * every t, T, l and L is escaped too, so the literal's text never contains `true` or `false`
 * in any case, which Rucio would rewrite before reading it.
 */
export function pyStr(value: string, { hideBooleanWords = false } = {}): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let body = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\' || char === quote) body += `\\${char}`;
    else if (code < 0x20 || code > 0x7e) body += escapeChar(char);
    else if (hideBooleanWords && OCTAL_ALWAYS.test(char)) body += escapeChar(char);
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

/**
 * A string value that reaches Rucio's comparison unchanged. Texts with `+ - * /` go as they
 * are (Rucio does not evaluate them); `validateQuery` refuses those it would still rewrite.
 */
export function pyText(value: string): string {
  if (rucioKeepsString(value) || hasArithmetic(value)) return pyStr(value);
  // Rucio evaluates the value once more: send it quoted, so that evaluation gives the text back.
  return pyStr(pyStr(value, { hideBooleanWords: true }));
}

function pyFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

const isWildcard = (c: FilterCondition): boolean =>
  (c.op === '=' || c.op === '!=') && /[*%]/.test(c.value);

/** The Python literal of a condition's value, typed by the catalogue. */
export function pyValue(condition: FilterCondition): string {
  const { value } = condition;
  if (isWildcard(condition)) return pyText(value);
  switch (valueTypeOf(condition.key)) {
    case 'int':
      return BigInt(value).toString();
    case 'float':
      return pyFloat(Number(value));
    case 'bool':
      return value.toLowerCase() === 'true' ? 'True' : 'False';
    case 'datetime': {
      const time = parseTimeInput(value);
      if (!time.ok) throw new Error(`not a time: ${value}`);
      return pyStr(msToRucio(time.ms));
    }
    case 'string':
    case 'enum':
      return pyText(value);
    default:
      // `date` (YYYY-MM-DD stays text in Rucio) and keys outside the catalogue: Rucio types the
      // text itself, exactly as when the same filter comes from `rucio did list --filter`.
      return pyStr(value);
  }
}

/** The groups sent to Rucio: the query's groups AND-ed with the cone's boxes. */
export const rucioGroups = (query: SearchQuery): FilterCondition[][] =>
  withCone(query.groups, query.cone);

/** One OR group as a Python dict literal, the name pattern included. */
function pyDict(group: FilterCondition[], name: string | undefined): string {
  const entries = group.map((c) => `${pyStr(rucioFilterKey(c.key, c.op))}: ${pyValue(c)}`);
  if (name !== undefined) entries.push(`'name': ${pyText(name)}`);
  return `{${entries.join(', ')}}`;
}

/**
 * `filters` as Python literal text. Never `[]`: Rucio adds the scope condition to each group,
 * so an empty list would search every scope; no condition at all is `[{}]`.
 */
export function pythonFilters(query: SearchQuery): string {
  const groups = rucioGroups(query);
  return `[${(groups.length > 0 ? groups : [[]]).map((g) => pyDict(g, query.name)).join(', ')}]`;
}

export interface SearchOptions {
  long?: boolean;
  limit?: number;
}

/**
 * The query parameters of `GET /dids/<scope>/dids/search` for `query`: the DID type as its own
 * parameter (inside `filters` it would mix plugins), Rucio's default `collection` when unset.
 */
export function searchParams(
  query: SearchQuery,
  options: SearchOptions = {},
): Record<string, string> {
  const params: Record<string, string> = {
    type: query.didType ?? 'collection',
    long: options.long ? 'true' : 'false',
    filters: pythonFilters(query),
  };
  if (options.limit !== undefined) params.limit = String(options.limit);
  return params;
}
