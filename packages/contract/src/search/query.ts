/*
 * The search query model shared by the builder, the text mode, the BFF and the copy generators.
 * Plain TypeScript, no zod at run time: the SPA imports these helpers and keeps its bundle small
 * (the zod schema of the same shape is in query-schema.ts).
 */

/** The operators of Rucio's CLI grammar; `==` is read as `=`. */
export const OPERATORS = ['=', '!=', '<', '<=', '>', '>='] as const;
export type Operator = (typeof OPERATORS)[number];

/** Rucio's `type` search parameter; Rucio's own default is `collection`. */
export const DID_SEARCH_TYPES = ['all', 'collection', 'container', 'dataset', 'file'] as const;
export type DidSearchType = (typeof DID_SEARCH_TYPES)[number];

/** One `key op value` term. The value stays the text the user wrote; the catalogue types it. */
export interface FilterCondition {
  key: string;
  op: Operator;
  value: string;
}

/** A sky cone in ICRS degrees: sent to Rucio as a box, made exact by the BFF. */
export interface SkyCone {
  ra: number;
  dec: number;
  radius: number;
}

/**
 * `groups` are OR'ed, the conditions inside one group AND'ed (Rucio's `;` and `,`). Scopes, DID
 * type, name pattern and cone apply to every group; they are fields of their own because Rucio
 * takes the scope in the URL and the type as a parameter, and a cone is no Rucio filter at all.
 */
export interface SearchQuery {
  scopes: string[];
  didType?: DidSearchType;
  name?: string;
  cone?: SkyCone;
  groups: FilterCondition[][];
}

export const isOperator = (op: string): op is Operator =>
  (OPERATORS as readonly string[]).includes(op);

export const isDidSearchType = (type: string): type is DidSearchType =>
  (DID_SEARCH_TYPES as readonly string[]).includes(type);

/** Rucio's key suffix for an operator: `obs_id.gte`. */
const SUFFIX: Record<Operator, string> = {
  '=': '',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte',
};

export const rucioFilterKey = (key: string, op: Operator): string =>
  SUFFIX[op] === '' ? key : `${key}.${SUFFIX[op]}`;
