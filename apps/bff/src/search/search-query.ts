import {
  SearchQueryInput,
  validateQuery,
  type SearchQuery,
  type SearchQueryErrorDetails,
  type SearchQueryProblem,
} from '@bdms/contract';
import { AppError } from '../errors.ts';

/*
 * The `q` parameter (JSON text of a SearchQuery) to a query Rucio can be sent, or a 400 whose
 * `details.problems` name every field and problem: bad JSON, a wrong shape, or anything
 * validateQuery finds (operators, value types, dates, plugin mix, duplicates, characters).
 */

const refuse = (problems: SearchQueryProblem[]): AppError => {
  const details: SearchQueryErrorDetails = { problems };
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const where = first?.field ? `${first.field}: ` : '';
  return new AppError(
    400,
    'bad_request',
    `Invalid query: ${where}${first?.message ?? ''}${more}.`,
    {
      details,
    },
  );
};

export function parseSearchQuery(text: string): SearchQuery {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refuse([{ field: '', path: [], problem: 'bad_json', message: 'q is not JSON text' }]);
  }
  const shape = SearchQueryInput.safeParse(json);
  if (!shape.success) {
    throw refuse(
      shape.error.issues.map((issue) => {
        const path = issue.path.filter((p) => typeof p !== 'symbol');
        return { field: path.join('.'), path, problem: 'bad_shape', message: issue.message };
      }),
    );
  }
  const checked = validateQuery(shape.data);
  if (!checked.ok) throw refuse(checked.errors);
  return checked.query;
}
