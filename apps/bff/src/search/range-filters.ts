import { pyStr, pyText } from '@bdms/contract';
import {
  BOOLEAN_WORDS_RE,
  hasArithmetic,
  rucioKeepsString,
} from '@bdms/contract/search/rucio-typecast.ts';
import { ARCHIVE_VALUE_MAX_LENGTH } from '@bdms/contract/search/values.ts';

/*
 * The Rucio filters of the value listing (value-ranges.ts): a part of a key's values, written so
 * that Rucio compares exactly the text the listing means. Rucio re-types every string of a filter
 * (rucio-typecast.ts); the contract's pyText quotes a text so that the re-typing gives it back,
 * except where Rucio skips the step the quoting relies on (a text with + - * /).
 */

/**
 * A part of one key's values: strictly between two bounds (undefined: unbounded), and either
 * outside or within the family of texts starting with a prefix (Rucio's `!=`/`=` with a
 * wildcard: NOT LIKE / LIKE 'prefix%').
 */
export interface Interval {
  above?: string;
  below?: string;
  outside?: string;
  within?: string;
}

/**
 * Whether `text` can bound an interval exactly. Not when Rucio would change it on the way: a
 * `*` or `%` makes it a wildcard (refused with gt/lt: DIDFilterSyntaxError), and with `+ - * /`
 * in it Rucio skips the evaluation pyText's quoting relies on, so true/false inside it would
 * become True/False and a date-like text a timestamp.
 */
export const exactBound = (text: string): boolean =>
  !/[*%]/.test(text) &&
  text.length <= ARCHIVE_VALUE_MAX_LENGTH &&
  (rucioKeepsString(text) || !hasArithmetic(text));

/**
 * The longest start of `text` that names its family exactly as a LIKE pattern (`prefix*`): Rucio
 * turns every `*` and `%` into `%`, escapes `_` but not `\`, and still rewrites true/false (the
 * `*` rules out any quoting), so the prefix stops before a `*`, `%` or `\`, and before the last
 * letter of a true/false. Empty when the text starts with one of those.
 */
export function familyPrefix(text: string): string {
  let end = Math.min(text.length, ARCHIVE_VALUE_MAX_LENGTH);
  const special = /[*%\\]/.exec(text);
  if (special) end = Math.min(end, special.index);
  const word = BOOLEAN_WORDS_RE.exec(text);
  if (word) end = Math.min(end, word.index + word[0].length - 1);
  return text.slice(0, end);
}

/**
 * The Python literal of Rucio's `filters` for one interval. With no condition at all, a wildcard
 * `**` (LIKE '%%': any DID that has the key; a lone `*` would drop the condition); bounds as
 * pyText, so the comparison stays VARCHAR on exactly that text; a family as `prefix*`.
 */
export function rangeFilters(key: string, { above, below, outside, within }: Interval): string {
  const entries: string[] = [];
  const add = (op: string, literal: string): void => {
    entries.push(`${pyStr(op === '' ? key : `${key}.${op}`)}: ${literal}`);
  };
  if (within !== undefined) add('', pyStr(`${within}*`));
  if (outside !== undefined) add('ne', pyStr(`${outside}*`));
  if (above !== undefined) add('gt', pyText(above));
  if (below !== undefined) add('lt', pyText(below));
  if (entries.length === 0) add('', pyStr('**'));
  return `[{${entries.join(', ')}}]`;
}
