import type { Api } from '@bdms/contract';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiGet } from '@/lib/api-client.ts';
import type { ClientRoute } from '@/lib/api-contract.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/*
 * The values a metadata key really has in the archive (GET /api/search/values), for the query
 * builder's suggestions. The BFF lists them with a few Rucio calls per value and keeps the answer
 * for minutes, so the SPA asks only when an input wants suggestions, keeps the answer as long,
 * and never waits for it: the catalogue's values are there from the start.
 */

/** The twin of the contract's ArchiveValues (get-archive-values.test.ts holds it to it). */
export const ArchiveValues = z.object({
  scope: z.string(),
  key: z.string(),
  values: z.array(z.string()),
  complete: z.boolean(),
  computedAt: z.string(),
});
export type ArchiveValues = z.output<typeof ArchiveValues>;

export const archiveValuesApi = {
  searchValues: { method: 'get', path: '/api/search/values', response: ArchiveValues },
} as const satisfies { [K in keyof Api]?: ClientRoute };

/** As long as the BFF keeps a listing (5 × REFERENCE_CACHE_SECONDS by default). */
const FRESH_MS = 5 * 60_000;

export const archiveValuesQueryOptions = (scope: string, key: string) =>
  queryOptions({
    queryKey: [...queryKeys.search.all, 'values', scope, key] as const,
    queryFn: ({ signal }) =>
      apiGet(archiveValuesApi.searchValues, { search: { scope, key }, signal }),
    staleTime: FRESH_MS,
    // Suggestions are optional: one failure is enough to fall back to the catalogue's.
    retry: false,
  });

export interface ArchiveSuggestions {
  values: { value: string; scopes: string[] }[];
  /** Every scope answered and none of the listings was cut. */
  complete: boolean;
}

/** Each value once, in the order of the first scope that has it, with the scopes holding it. */
export function mergeScopes(answers: readonly ArchiveValues[]): ArchiveSuggestions {
  const found = new Map<string, string[]>();
  for (const answer of answers)
    for (const value of answer.values)
      found.set(value, [...(found.get(value) ?? []), answer.scope]);
  return {
    values: [...found].map(([value, scopes]) => ({ value, scopes })),
    complete: answers.every((a) => a.complete),
  };
}

/**
 * The archive's values of `key` in each of `scopes`, merged; nothing is asked until `enabled`, and
 * nothing is known (undefined) until every scope answered or failed.
 * One query over the scopes, each scope’s answer cached on its own (queryClient.query), so ticking
 * another scope asks only for that one. (useQueries would add ~0.6 kB to every page.)
 */
export function useArchiveValues(
  scopes: readonly string[],
  key: string,
  enabled: boolean,
): ArchiveSuggestions | undefined {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...queryKeys.search.all, 'values', key, 'in', ...scopes] as const,
    queryFn: async () => {
      // A scope that fails is left out; the others still suggest.
      const settled = await Promise.allSettled(
        scopes.map((scope) => queryClient.query(archiveValuesQueryOptions(scope, key))),
      );
      const answers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const merged = mergeScopes(answers);
      return { ...merged, complete: merged.complete && answers.length === scopes.length };
    },
    enabled: enabled && scopes.length > 0,
    staleTime: FRESH_MS,
    retry: false,
  });
  return query.data;
}
