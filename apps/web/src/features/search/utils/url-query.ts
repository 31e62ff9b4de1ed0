import { formatFilter, parseFilter } from '@bdms/contract/search/filter-grammar.ts';
import type { FilterSyntaxError } from '@bdms/contract/search/filter-tokens.ts';
import type { SearchQueryInput } from '@bdms/contract/search/query-schema.ts';
import type { SearchQuery, SkyCone } from '@bdms/contract/search/query.ts';
import { validateQuery, type QueryError } from '@bdms/contract/search/validate.ts';

/*
 * A search is a URL: scopes, DID type, name pattern, the conditions as Rucio CLI filter text, and
 * the cone, each in its own readable search parameter. Reloading the URL reruns the search;
 * back/forward move between searches.
 *   /search?scope=acada&type=file&filter=observatory%3DCTA%2C2000000001<%3Dobs_id<%3D2000000100&cone=83.63308,22.0145,1
 * The table's sort, columns and widths follow (VIEW_PARAM); they are not part of the search.
 */

export const PARAM = {
  scope: 'scope',
  type: 'type',
  name: 'name',
  filter: 'filter',
  cone: 'cone',
  /** Opens the editor in text mode (a saved search with problems). */
  mode: 'mode',
  /** The saved search this run belongs to; its run is recorded when the stream ends. */
  saved: 'saved',
} as const;

/** How the result table looks (sort, columns, widths): url-view.ts reads and writes them. */
export const VIEW_PARAM = { sort: 'sort', columns: 'cols', widths: 'widths' } as const;

/**
 * The URL without the table's view: what identifies the search. Sorting or resizing a column
 * changes the URL but is not a new search (nothing reruns, the editor keeps its draft).
 */
export function searchPart(params: URLSearchParams): string {
  const search = new URLSearchParams(params);
  for (const name of Object.values(VIEW_PARAM)) search.delete(name);
  return search.toString();
}

/** `target` with the table's view of `current`: a new search keeps the table as the user set it. */
export function keepView(current: URLSearchParams, target: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(target);
  for (const name of Object.values(VIEW_PARAM)) {
    const value = current.get(name);
    if (value !== null) next.set(name, value);
  }
  return next;
}

export type UrlSearch =
  | { state: 'empty' }
  | { state: 'ok'; query: SearchQuery; input: SearchQueryInput }
  | {
      state: 'invalid';
      input: SearchQueryInput;
      /** The filter text as the URL holds it, with the syntax errors found in it. */
      text: string;
      syntaxErrors: FilterSyntaxError[];
      errors: QueryError[];
    };

const round = (n: number): string => String(Math.round(n * 1e7) / 1e7);

function readCone(text: string | null): SkyCone | undefined {
  if (!text) return undefined;
  const [ra, dec, radius] = text.split(',').map((part) => Number(part.trim()));
  if (ra === undefined || dec === undefined || radius === undefined) return undefined;
  return { ra, dec, radius };
}

/** The URL's search, validated; an unreadable filter text is kept with its errors. */
export function readSearchParams(params: URLSearchParams): UrlSearch {
  const scopes = params.getAll(PARAM.scope).filter((s) => s !== '');
  const filter = params.get(PARAM.filter) ?? '';
  const didType = params.get(PARAM.type) ?? undefined;
  const name = params.get(PARAM.name) ?? undefined;
  const cone = readCone(params.get(PARAM.cone));
  if (scopes.length === 0 && !filter && !didType && name === undefined && !cone) {
    return { state: 'empty' };
  }
  const parsed = parseFilter(filter, { scopes, ...(cone && { cone }) });
  const input: SearchQueryInput = {
    scopes,
    groups: parsed.ok ? parsed.query.groups : [],
    ...(didType !== undefined && { didType }),
    ...(name !== undefined && { name }),
    ...(cone && { cone }),
  };
  if (parsed.ok && (parsed.query.didType || parsed.query.name !== undefined)) {
    // A pasted CLI filter may carry type= and name=: the URL's own fields win when both exist.
    if (input.didType === undefined && parsed.query.didType) input.didType = parsed.query.didType;
    if (input.name === undefined && parsed.query.name !== undefined) input.name = parsed.query.name;
  }
  if (!parsed.ok) {
    return { state: 'invalid', input, text: filter, syntaxErrors: parsed.errors, errors: [] };
  }
  const checked = validateQuery(input);
  if (!checked.ok) {
    return { state: 'invalid', input, text: filter, syntaxErrors: [], errors: checked.errors };
  }
  return { state: 'ok', query: checked.query, input };
}

/** The search parameters of a query (scopes and cone outside the filter text, as Rucio does). */
export function searchParamsFor(
  query: SearchQueryInput,
  extra: Partial<Record<'mode' | 'saved', string>> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const scope of query.scopes) params.append(PARAM.scope, scope);
  if (query.didType) params.set(PARAM.type, query.didType);
  if (query.name !== undefined) params.set(PARAM.name, query.name);
  const filter = formatFilter({ scopes: [], groups: query.groups as SearchQuery['groups'] });
  if (filter) params.set(PARAM.filter, filter);
  if (query.cone) {
    const { ra, dec, radius } = query.cone;
    params.set(PARAM.cone, [ra, dec, radius].map(round).join(','));
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params;
}

/** The query as the BFF's `q` parameter takes it (JSON of SearchQueryInput). */
export const toQueryParam = (query: SearchQuery): string => JSON.stringify(query);
