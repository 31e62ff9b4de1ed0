import {
  SearchQueryInput,
  validateQuery,
  type SavedQueryProblem,
  type SavedSearch,
} from '@bdms/contract';
import type { SavedSearchRecord } from './saved-searches.repo.ts';

/**
 * Why a stored query would be refused today. A query saved under an older catalogue (or an older
 * query shape) is kept and shown with its problems, so the SPA can open it in text mode with the
 * error instead of failing to read it.
 */
export function queryProblems(stored: unknown): {
  query: SearchQueryInput | undefined;
  problems: SavedQueryProblem[];
} {
  const shape = SearchQueryInput.safeParse(stored);
  if (!shape.success) {
    const problems = shape.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      return { path, field: path.join('.'), problem: 'bad_shape', message: issue.message };
    });
    return { query: undefined, problems };
  }
  const checked = validateQuery(shape.data);
  return { query: shape.data, problems: checked.ok ? [] : checked.errors };
}

export function toSavedSearch(record: SavedSearchRecord): SavedSearch {
  const { query, problems } = queryProblems(record.query);
  return {
    id: record.id,
    name: record.name,
    ...(query ? { query } : {}),
    filter: record.filter,
    problems,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    lastRun: record.lastRun ? { ...record.lastRun, at: record.lastRun.at.toISOString() } : null,
  };
}
