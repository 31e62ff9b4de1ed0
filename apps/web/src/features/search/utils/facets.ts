import { FACET_KEYS } from '@bdms/contract/search/catalogue.ts';
import type { FilterCondition, SearchQuery } from '@bdms/contract/search/query.ts';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import { scalarText } from './scalar-text.ts';

/** Per faceted key, how many rows carry each value (list values count once per element). */
export type FacetCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

const valuesOf = (value: unknown): string[] => {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(valuesOf);
  if (typeof value === 'object') return [];
  return [scalarText(value)];
};

/** The counts with `rows` added; only the keys the rows touch are copied. */
export function addToFacets(facets: FacetCounts, rows: readonly SearchRow[]): FacetCounts {
  const changed: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    for (const key of FACET_KEYS) {
      for (const value of new Set(valuesOf(row.meta[key]))) {
        const counts = (changed[key] ??= { ...facets[key] });
        counts[value] = (counts[value] ?? 0) + 1;
      }
    }
  }
  return Object.keys(changed).length === 0 ? facets : { ...facets, ...changed };
}

/** Values of one facet, most frequent first (then by value, numbers in numeric order). */
export function rankedValues(counts: Readonly<Record<string, number>>): [string, number][] {
  const collator = new Intl.Collator('en', { numeric: true });
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
}

/**
 * The query narrowed to `key = value`: the condition joins every group (AND distributes over
 * OR), replacing that group's own `key =`. The result is still one Rucio filter.
 */
export function narrowQuery(query: SearchQuery, key: string, value: string): SearchQuery {
  const term: FilterCondition = { key, op: '=', value };
  const groups =
    query.groups.length === 0
      ? [[term]]
      : query.groups.map((group) => [
          ...group.filter((c) => !(c.key === key && c.op === '=')),
          term,
        ]);
  return { ...query, groups };
}
