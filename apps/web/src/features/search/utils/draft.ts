import type { SearchQueryInput } from '@bdms/contract/search/query-schema.ts';
import type { DidSearchType, Operator } from '@bdms/contract/search/query.ts';
import { parseDec, parseRa } from '@bdms/contract/search/sky.ts';

/*
 * What the builder edits: the query's fields as typed (text, not yet numbers), with ids so that
 * React keeps each row's input when rows above it are removed. Blank conditions (no key, no
 * value) are ignored when the draft becomes a query: a fresh row never blocks a search.
 */

export interface DraftCondition {
  id: string;
  key: string;
  /** As typed or stored: validateQuery names an unknown operator. */
  op: string;
  value: string;
}

export interface DraftGroup {
  id: string;
  conditions: DraftCondition[];
}

export interface DraftCone {
  enabled: boolean;
  /** The catalogue target the position came from, if any (shown, not sent). */
  target: string;
  ra: string;
  dec: string;
  radius: string;
}

export interface Draft {
  scopes: string[];
  didType: DidSearchType | '';
  name: string;
  groups: DraftGroup[];
  cone: DraftCone;
}

let counter = 0;
export const newId = (prefix: string): string => `${prefix}${(counter += 1)}`;

export const blankCondition = (key = '', op: Operator = '=', value = ''): DraftCondition => ({
  id: newId('c'),
  key,
  op,
  value,
});

export const blankGroup = (): DraftGroup => ({ id: newId('g'), conditions: [blankCondition()] });

export const DEFAULT_RADIUS = '1';

export const blankCone = (): DraftCone => ({
  enabled: false,
  target: '',
  ra: '',
  dec: '',
  radius: DEFAULT_RADIUS,
});

/** A draft of a query that may not be valid (a URL or saved search with problems). */
export function draftFromInput(input: SearchQueryInput): Draft {
  const groups = input.groups.map((conditions) => ({
    id: newId('g'),
    conditions: conditions.map((c) => blankCondition(c.key, c.op as Operator, c.value)),
  }));
  const didType = (input.didType ?? '') as DidSearchType | '';
  return {
    scopes: [...input.scopes],
    didType,
    name: input.name ?? '',
    groups: groups.length > 0 ? groups : [blankGroup()],
    cone: input.cone
      ? {
          enabled: true,
          target: '',
          ra: String(input.cone.ra),
          dec: String(input.cone.dec),
          radius: String(input.cone.radius),
        }
      : blankCone(),
  };
}

export const emptyDraft = (scopes: string[] = []): Draft =>
  draftFromInput({ scopes, didType: 'file', groups: [] });

const isBlank = (c: DraftCondition): boolean => c.key.trim() === '' && c.value.trim() === '';

/** Where each condition of the query came from in the draft (validation paths → draft ids). */
export interface DraftPaths {
  groups: string[];
  conditions: string[][];
}

export interface ConeFieldError {
  field: 'ra' | 'dec' | 'radius';
  message: string;
}

export interface DraftAsInput {
  input: SearchQueryInput;
  paths: DraftPaths;
  /** Cone fields that are not even numbers or angles; validateQuery checks the rest. */
  coneErrors: ConeFieldError[];
}

function coneOf(cone: DraftCone): { cone?: SearchQueryInput['cone']; errors: ConeFieldError[] } {
  if (!cone.enabled) return { errors: [] };
  const errors: ConeFieldError[] = [];
  const ra = parseRa(cone.ra);
  const dec = parseDec(cone.dec);
  const radius = Number(cone.radius.trim());
  if (cone.ra.trim() === '') errors.push({ field: 'ra', message: 'RA is needed' });
  else if (!ra.ok) errors.push({ field: 'ra', message: `"${cone.ra}" ${ra.message}` });
  if (cone.dec.trim() === '') errors.push({ field: 'dec', message: 'Dec is needed' });
  else if (!dec.ok) errors.push({ field: 'dec', message: `"${cone.dec}" ${dec.message}` });
  if (cone.radius.trim() === '' || !Number.isFinite(radius)) {
    errors.push({ field: 'radius', message: 'the radius is a number of degrees' });
  }
  if (errors.length > 0 || !ra.ok || !dec.ok) return { errors };
  return { cone: { ra: ra.deg, dec: dec.deg, radius }, errors };
}

/** The draft as the query it describes, blank rows left out. */
export function draftToInput(draft: Draft): DraftAsInput {
  const paths: DraftPaths = { groups: [], conditions: [] };
  const groups: SearchQueryInput['groups'] = [];
  for (const group of draft.groups) {
    const kept = group.conditions.filter((c) => !isBlank(c));
    if (kept.length === 0) continue;
    groups.push(kept.map((c) => ({ key: c.key.trim(), op: c.op, value: c.value })));
    paths.groups.push(group.id);
    paths.conditions.push(kept.map((c) => c.id));
  }
  const { cone, errors } = coneOf(draft.cone);
  const input: SearchQueryInput = {
    scopes: draft.scopes,
    groups,
    ...(draft.didType && { didType: draft.didType }),
    ...(draft.name.trim() !== '' && { name: draft.name.trim() }),
    ...(cone && { cone }),
  };
  return { input, paths, coneErrors: errors };
}
