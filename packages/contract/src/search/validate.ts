import { boxConditions, coneBoxes, coneProblems } from './cone.ts';
import type { SearchQueryInput } from './query-schema.ts';
import { isDidSearchType, type FilterCondition, type Operator, type SearchQuery } from './query.ts';
import { canonical, pluginOf } from './rucio-keys.ts';
import {
  carryProblem,
  keyProblem,
  normalOperator,
  valueProblem,
  type QueryProblem,
} from './validate-condition.ts';

/*
 * Everything Rucio would refuse, misread or answer with a 500, found before anything is sent.
 * Each error names the field (`path`, as in zod: ['groups', 0, 1, 'value']) and the problem.
 */

export interface QueryError {
  path: (string | number)[];
  /** `path` joined with dots, e.g. `groups.0.1.value`. */
  field: string;
  problem: QueryProblem;
  message: string;
}

export type ValidationResult =
  { ok: true; query: SearchQuery } | { ok: false; errors: QueryError[] };

const error = (path: (string | number)[], problem: QueryProblem, message: string): QueryError => ({
  path,
  field: path.join('.'),
  problem,
  message,
});

/** Rucio's scope rule, as `ScopeName` in names.ts says it. */
const SCOPE_RE = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,25}$/;

function scopeErrors(scopes: string[]): QueryError[] {
  if (scopes.length === 0) return [error(['scopes'], 'required', 'choose at least one scope')];
  return scopes.flatMap((scope, i) => {
    if (!SCOPE_RE.test(scope)) return [error(['scopes', i], 'bad_scope', `"${scope}" is no scope`)];
    if (scopes.indexOf(scope) !== i) {
      return [error(['scopes', i], 'duplicate_scope', `${scope} is listed twice`)];
    }
    return [];
  });
}

function nameErrors(name: string | undefined): QueryError[] {
  if (name === undefined) return [];
  const carry = carryProblem(name);
  if (carry) return [error(['name'], 'bad_character', `the name pattern ${carry}`)];
  if (!/^[\x20-\x7e]+$/.test(name)) {
    return [error(['name'], 'bad_character', 'DID names are printable ASCII')];
  }
  return [];
}

/** One term: key, then operator, then value; the first problem found. */
function termErrors(c: SearchQueryInput['groups'][number][number], path: (string | number)[]) {
  const key = keyProblem(c.key, c.op);
  if (key) return [error([...path, 'key'], key.problem, key.message)];
  const op = normalOperator(c.op);
  if (!op) {
    return [
      error([...path, 'op'], 'unknown_operator', `"${c.op}" is no operator (= != < <= > >=)`),
    ];
  }
  const value = valueProblem(c.key, op, c.value);
  return value
    ? [error([...path, value.part], value.problem, `${c.key} ${op}: ${value.message}`)]
    : [];
}

/** The cone's own conditions: they join every group, so they count for duplicates and plugins. */
const coneTerms = (query: SearchQuery): FilterCondition[] =>
  query.cone ? coneBoxes(query.cone).flatMap(boxConditions) : [];

function duplicateErrors(query: SearchQuery): QueryError[] {
  const cone = new Set(coneTerms(query).map((c) => canonical(c.key, c.op)));
  return query.groups.flatMap((group, g) => {
    const seen = new Set(cone);
    return group.flatMap((c, i) => {
      const id = canonical(c.key, c.op);
      if (!seen.has(id)) {
        seen.add(id);
        return [];
      }
      const why = cone.has(id) ? 'the cone already sets it' : 'it appears twice in this group';
      return [error(['groups', g, i, 'op'], 'duplicate', `${c.key} ${c.op}: ${why}`)];
    });
  });
}

/** DID columns and metadata keys cannot meet in one search (Rucio: 500 InvalidMetadata). */
function pluginErrors(query: SearchQuery): QueryError[] {
  const json = [...query.groups.flat(), ...coneTerms(query)].find(
    (c) => pluginOf(c.key, c.op) === 'json',
  );
  if (!json) return [];
  return query.groups.flatMap((group, g) =>
    group.flatMap((c, i) =>
      pluginOf(c.key, c.op) === 'did_column'
        ? [error(['groups', g, i, 'key'], 'plugin_mix', mixMessage(c, json))]
        : [],
    ),
  );
}

const mixMessage = (column: FilterCondition, json: FilterCondition): string =>
  `${column.key} ${column.op} is a Rucio DID column and ${json.key} a metadata key: ` +
  'Rucio cannot search both at once';

function groupErrors(groups: SearchQueryInput['groups']): QueryError[] {
  return groups.flatMap((group, g) =>
    group.length === 0
      ? [error(['groups', g], 'empty_group', 'an empty group matches every DID: remove it')]
      : group.flatMap((c, i) => termErrors(c, ['groups', g, i])),
  );
}

function normalise(input: SearchQueryInput): SearchQuery {
  const groups = input.groups.map((g) =>
    g.map((c) => ({ key: c.key, op: normalOperator(c.op) as Operator, value: c.value })),
  );
  const query: SearchQuery = { scopes: [...input.scopes], groups };
  const didType = input.didType?.toLowerCase();
  if (didType && isDidSearchType(didType)) query.didType = didType;
  if (input.name !== undefined) query.name = input.name;
  if (input.cone) query.cone = { ...input.cone };
  return query;
}

const didTypeErrors = (didType: string | undefined): QueryError[] =>
  didType === undefined || isDidSearchType(didType.toLowerCase())
    ? []
    : [error(['didType'], 'unknown_did_type', `"${didType}" is no DID type`)];

const coneErrors = (cone: SearchQueryInput['cone']): QueryError[] =>
  cone ? coneProblems(cone).map((p) => error(['cone', p.field], 'bad_cone', p.message)) : [];

/** The query, normalised (`==` → `=`, type in lower case), or every problem found in it. */
export function validateQuery(input: SearchQueryInput): ValidationResult {
  const errors = [
    ...scopeErrors(input.scopes),
    ...didTypeErrors(input.didType),
    ...nameErrors(input.name),
    ...coneErrors(input.cone),
    ...groupErrors(input.groups),
  ];
  if (errors.length > 0) return { ok: false, errors };
  const query = normalise(input);
  const whole = [...duplicateErrors(query), ...pluginErrors(query)];
  return whole.length > 0 ? { ok: false, errors: whole } : { ok: true, query };
}
