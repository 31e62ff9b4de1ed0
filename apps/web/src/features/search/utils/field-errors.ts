import type { QueryError } from '@bdms/contract/search/validate.ts';
import type { ConeFieldError, DraftPaths } from './draft.ts';

/**
 * Validation errors placed on the builder's fields: `scopes`, `didType`, `name`, `cone.ra`…,
 * `group:<id>` and `<condition id>.key|op|value`. Several errors on one field are joined.
 */
export type FieldErrors = Readonly<Record<string, string>>;

function fieldOf(error: QueryError, paths: DraftPaths): string {
  const [root, g, i, part] = error.path;
  if (root !== 'groups' || typeof g !== 'number') {
    // `scopes.1` (a bad scope) is shown on the scopes field as a whole.
    return root === 'cone' ? `cone.${String(g)}` : String(root);
  }
  if (typeof i !== 'number') return `group:${paths.groups[g] ?? ''}`;
  return `${paths.conditions[g]?.[i] ?? ''}.${String(part ?? 'value')}`;
}

export function placeErrors(
  errors: readonly QueryError[],
  paths: DraftPaths,
  coneErrors: readonly ConeFieldError[] = [],
): FieldErrors {
  const out: Record<string, string> = {};
  const add = (field: string, message: string) => {
    out[field] = out[field] ? `${out[field]}; ${message}` : message;
  };
  for (const e of errors) add(fieldOf(e, paths), e.message);
  for (const e of coneErrors) add(`cone.${e.field}`, e.message);
  return out;
}

/** Paths of a query whose conditions map one to one onto a draft (no blank rows). */
export function identityPaths(groups: { id: string; conditions: { id: string }[] }[]): DraftPaths {
  return {
    groups: groups.map((g) => g.id),
    conditions: groups.map((g) => g.conditions.map((c) => c.id)),
  };
}
