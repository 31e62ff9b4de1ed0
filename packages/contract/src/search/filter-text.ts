import { parseFilter } from './filter-grammar.ts';
import type { ConditionSpans, FilterSyntaxError, TextSpan } from './filter-tokens.ts';
import type { SearchQuery } from './query.ts';
import { validateQuery } from './validate.ts';

/*
 * Text mode in one call: the filter text read and the query checked, every problem placed on
 * the text. Errors of fields the text does not hold (scopes, cone) sit at offset 0, length 0.
 */

/** The part of the text a validation path (['groups', g, i, 'value']) points at. */
export function spanAtPath(
  spans: ConditionSpans[][],
  path: readonly (string | number)[],
): TextSpan | undefined {
  const [root, g, i, part] = path;
  if (root !== 'groups' || typeof g !== 'number') return undefined;
  const group = spans[g];
  if (!group || group.length === 0) return undefined;
  const one = typeof i === 'number' ? group[i] : undefined;
  if (one && (part === 'key' || part === 'op' || part === 'value')) return one[part];
  const all = one ? [one] : group;
  const start = Math.min(...all.flatMap((s) => [s.key.offset, s.value.offset]));
  const end = Math.max(
    ...all.flatMap((s) => [s.key.offset + s.key.length, s.value.offset + s.value.length]),
  );
  return { offset: start, length: end - start };
}

export type FilterTextResult =
  { ok: true; query: SearchQuery } | { ok: false; errors: FilterSyntaxError[] };

/** Filter text → a query Rucio can run, or the syntax and validation errors on the text. */
export function readFilterText(
  text: string,
  base: Pick<SearchQuery, 'scopes' | 'cone'> = { scopes: [] },
): FilterTextResult {
  const parsed = parseFilter(text, base);
  if (!parsed.ok) return parsed;
  const checked = validateQuery(parsed.query);
  if (checked.ok) return checked;
  const errors = checked.errors.map((e) => ({
    ...(spanAtPath(parsed.spans, e.path) ?? { offset: 0, length: 0 }),
    message: e.message,
  }));
  return { ok: false, errors };
}
