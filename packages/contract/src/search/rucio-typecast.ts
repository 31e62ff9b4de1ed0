/*
 * What Rucio's filter engine does to a string value before comparing
 * (`FilterEngine._try_typecast_string`, Rucio 41), as far as the portal needs to know it:
 * 1. `true`/`TRUE` → `True` and `false`/`FALSE` → `False`, anywhere in the string;
 * 2. a value matching one of its date formats becomes a datetime;
 * 3. a value without `+ - * /` goes through `ast.literal_eval` (`12` → 12, `'12'` → '12').
 */

export const BOOLEAN_WORDS_RE = /true|TRUE|false|FALSE/;

/** Step 3 is skipped when one of these is in the value. */
export const hasArithmetic = (value: string): boolean => /[+\-*/]/.test(value);

const D = String.raw`\d{4}-(?:1[0-2]|0[1-9]|[1-9])-(?:3[01]|[12]\d|0[1-9]|[1-9]| [1-9])`;
const T = String.raw`(?:2[0-3]|[01]\d|\d):(?:[0-5]\d|\d):(?:6[01]|[0-5]\d|\d)`;
/** Python's `strptime` patterns for `%Y-%m-%d %H:%M:%S`, the `T` form and their `.%fZ` variants. */
const RUCIO_DATE_RE = new RegExp(String.raw`^${D}(?:\s+|T)${T}(?:\.\d{1,6}Z)?$`, 'i');
const RFC1123_RE = /^[a-z]{3},\s+\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{1,2}:\d{1,2}\s+UTC$/i;

/** Whether Rucio reads `value` as a date (step 2); calendar checks aside. */
export const looksLikeRucioDate = (value: string): boolean =>
  RUCIO_DATE_RE.test(value) || RFC1123_RE.test(value);

const IDENTIFIER_RE = /^[A-Za-z_][A-Za-z0-9_]*/;
const PY_CONSTANTS = new Set(['True', 'False', 'None']);
const STRING_PREFIX_RE = /^(?:[rbuf]|rb|br|rf|fr)$/i;

/**
 * Whether `ast.literal_eval` surely fails on `value`, leaving it a string: the value starts with
 * an ASCII name that is no Python constant, and no string prefix before a quote (`b'…'`) — a
 * name, a call, `Mrk 421`, `O'Brien`. Anything else may be a literal (a number, `None`, `[1]`,
 * `'x'`), so callers quote it.
 */
export function surelyNotLiteral(value: string): boolean {
  const word = IDENTIFIER_RE.exec(value)?.[0];
  if (word === undefined || PY_CONSTANTS.has(word)) return false;
  const next = value.charAt(word.length);
  return !((next === "'" || next === '"') && STRING_PREFIX_RE.test(word));
}

/** Whether Rucio keeps `value` exactly as it is (no step changes it). */
export const rucioKeepsString = (value: string): boolean =>
  !BOOLEAN_WORDS_RE.test(value) &&
  !looksLikeRucioDate(value) &&
  (hasArithmetic(value) || surelyNotLiteral(value));
