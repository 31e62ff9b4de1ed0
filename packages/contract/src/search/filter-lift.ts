import type { FilterSyntaxError, ParsedCondition } from './filter-tokens.ts';
import { isDidSearchType, type DidSearchType } from './query.ts';

/*
 * `type=` and `name=` in the filter text become the query's DID type and name pattern. The
 * portal sends one of each for the whole query (Rucio takes the type as its own parameter), so
 * the text must give them identically in every OR group — which is what `formatFilter` writes.
 */

export interface Lifted {
  groups: ParsedCondition[][];
  didType?: DidSearchType;
  name?: string;
}

const isLiftable = ({ condition: c }: ParsedCondition): boolean =>
  c.key === 'type' || (c.key === 'name' && c.op === '=');

/** `type` takes only `=` and one of Rucio's DID types. */
function checkType(item: ParsedCondition, errors: FilterSyntaxError[]): void {
  const { op, value } = item.condition;
  if (op !== '=') {
    errors.push({ ...item.spans.op, message: 'type takes only =' });
  } else if (!isDidSearchType(value.toLowerCase())) {
    const message = `"${value}" is no DID type (all, collection, container, dataset, file)`;
    errors.push({ ...item.spans.value, message });
  }
}

/** The one value `key` has in every group, or an error at the first place it differs. */
function uniform(
  groups: ParsedCondition[][],
  key: 'type' | 'name',
  errors: FilterSyntaxError[],
): string | undefined {
  const normal = (v: string): string => (key === 'type' ? v.toLowerCase() : v);
  const found = groups.map((g) => g.find((p) => isLiftable(p) && p.condition.key === key));
  const first = found.find((f) => f !== undefined);
  if (!first) return undefined;
  const value = normal(first.condition.value);
  const odd = found.find((f) => f !== undefined && normal(f.condition.value) !== value);
  if (odd || found.includes(undefined)) {
    const message = `${key}= must appear in every OR group with the same value`;
    errors.push({ ...(odd ?? first).spans.value, message });
    return undefined;
  }
  return value;
}

export function liftNameAndType(groups: ParsedCondition[][], errors: FilterSyntaxError[]): Lifted {
  const before = errors.length;
  for (const item of groups.flat()) if (item.condition.key === 'type') checkType(item, errors);
  if (errors.length > before) return { groups };
  const didType = uniform(groups, 'type', errors) as DidSearchType | undefined;
  const name = uniform(groups, 'name', errors);
  const rest = groups.map((g) => g.filter((p) => !isLiftable(p)));
  // A group left empty matched on name/type alone: OR-ed with it, the others add nothing.
  const lifted: Lifted = { groups: rest.some((g) => g.length === 0) ? [] : rest };
  if (didType) lifted.didType = didType;
  if (name !== undefined) lifted.name = name;
  return lifted;
}
