import { expect } from 'vitest';
import type { SearchQueryInput } from './query-schema.ts';
import { validateQuery, type QueryError } from './validate.ts';

/* Builders shared by validate.test.ts and validate-problems.test.ts. */

export type Input = SearchQueryInput;
export type Term = [key: string, op: string, value: string];

export const input = (groups: Term[][], patch: Partial<Input> = {}): Input => ({
  scopes: ['acada'],
  groups: groups.map((g) => g.map(([key, op, value]) => ({ key, op, value }))),
  ...patch,
});

export const errorsOf = (query: Input): QueryError[] => {
  const result = validateQuery(query);
  if (result.ok) throw new Error('accepted');
  return result.errors;
};

/** The one error of a query with one problem: its field and problem. */
export const only = (query: Input): Pick<QueryError, 'field' | 'problem'> & { message: string } => {
  const errors = errorsOf(query);
  expect(errors).toHaveLength(1);
  const [{ field, problem, message }] = errors as [QueryError];
  return { field, problem, message };
};
