import {
  andTerms,
  orGroups,
  spanOf,
  stripPiece,
  tokenizeTerm,
  type ConditionSpans,
  type FilterSyntaxError,
  type ParsedCondition,
  type Piece,
  type Token,
} from './filter-tokens.ts';
import { liftNameAndType } from './filter-lift.ts';
import type { FilterCondition, Operator, SearchQuery } from './query.ts';

/*
 * Rucio's CLI filter text ⇄ the query model. `parseFilter` accepts what
 * `rucio did list --filter` accepts (Rucio 41), and refuses, with the offending token, a few
 * things Rucio lets through by accident: a whitespace-only OR group (Rucio turns it into a group
 * matching every DID) and an empty key. `type=` and `name=` become the query's own fields.
 */

export type ParseResult =
  | { ok: true; query: SearchQuery; spans: ConditionSpans[][] }
  | { ok: false; errors: FilterSyntaxError[] };

const NORMAL: Record<string, Operator> = { '==': '=', '=': '=', '!=': '!=' };
const opOf = (token: Token): Operator => NORMAL[token.text] ?? (token.text as Operator);

/** `1<k` is `k>1`: a range's left operator, turned round. Only inequalities may open a range. */
const TURNED: Record<string, Operator | undefined> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

const unreadable = (tokens: Token[], term: Piece): FilterSyntaxError => {
  const at = spanOf(term);
  const last = tokens.at(-1);
  if (!tokens.some((t) => t.operator)) {
    return { ...at, message: `"${term.text}" has no operator (= != < <= > >=)` };
  }
  if (last?.operator) return { ...spanOf(last), message: `missing value after "${last.text}"` };
  return { ...at, message: `cannot read "${term.text}": write key=value or low<key<high` };
};

const ROLES3 = ['key', 'operator', 'value'];
const ROLES5 = ['value', 'operator', 'key', 'operator', 'value'];

/** The first token that breaks the text/operator/text(/operator/text) pattern, as an error. */
function misplaced(tokens: Token[]): FilterSyntaxError | undefined {
  for (const [i, token] of tokens.entries()) {
    const wantOperator = i % 2 === 1;
    if (token.operator !== wantOperator) {
      const message = !token.operator
        ? `expected an operator before "${token.text}"`
        : i === 0
          ? `missing key before "${token.text}"`
          : `unexpected operator "${token.text}"`;
      return { ...spanOf(token), message };
    }
    if (!token.operator && token.text === '') {
      const what = (tokens.length === 3 ? ROLES3 : ROLES5)[i] ?? 'value';
      return { ...spanOf(token), length: 1, message: `missing ${what}` };
    }
  }
  return undefined;
}

const condition = (key: Token, op: Operator, opToken: Token, value: Token): ParsedCondition => ({
  condition: { key: key.text, op, value: value.text },
  spans: { key: spanOf(key), op: spanOf(opToken), value: spanOf(value) },
});

const SUFFIX_OPS: Record<string, Operator> = { gte: '>=', gt: '>', lte: '<=', lt: '<', ne: '!=' };

/** `obs_id.gte=5`, the REST spelling Rucio also takes from the CLI, is `obs_id>=5`. */
function suffixed(parsed: ParsedCondition): ParsedCondition {
  const { key, op, value } = parsed.condition;
  const match = /^(.+)\.(gte|gt|lte|lt|ne)$/.exec(key);
  const suffixOp = match ? SUFFIX_OPS[match[2] ?? ''] : undefined;
  if (op !== '=' || !match?.[1] || !suffixOp) return parsed;
  return { ...parsed, condition: { key: match[1], op: suffixOp, value } };
}

/** One AND term as one condition (`k>=1`) or two (`1<k<5`), or the error in it. */
export function parseTerm(term: Piece): ParsedCondition[] | FilterSyntaxError {
  const tokens = tokenizeTerm(term);
  const broken = misplaced(tokens);
  if (broken) return broken;
  if (tokens.length !== 3 && tokens.length !== 5) return unreadable(tokens, term);
  const [first, op1, second, op2, third] = tokens as [Token, Token, Token, Token?, Token?];
  if (!op2 || !third) return [suffixed(condition(first, opOf(op1), op1, second))];
  const turned = TURNED[op1.text];
  if (!turned) {
    return { ...spanOf(op1), message: `a range reads low<key<high: "${op1.text}" cannot open it` };
  }
  return [condition(second, turned, op1, first), condition(second, opOf(op2), op2, third)];
}

/** The conditions of one OR group; a key+operator given twice is an error, as in Rucio. */
function parseGroup(group: Piece, errors: FilterSyntaxError[]): ParsedCondition[] {
  const terms = andTerms(group);
  if (terms.length === 0) {
    const at = stripPiece(group).start;
    errors.push({ offset: at, length: 1, message: 'empty group: Rucio would match every DID' });
  }
  const parsed: ParsedCondition[] = [];
  for (const term of terms) {
    const result = parseTerm(stripPiece(term));
    if (!Array.isArray(result)) {
      errors.push(result);
      continue;
    }
    for (const item of result) {
      const { key, op } = item.condition;
      if (parsed.some((p) => p.condition.key === key && p.condition.op === op)) {
        errors.push({ ...item.spans.op, message: `"${key} ${op}" appears twice in this group` });
      } else {
        parsed.push(item);
      }
    }
  }
  return parsed;
}

/** Filter text → query. `base` supplies what the text cannot say: scopes and the cone. */
export function parseFilter(
  text: string,
  base: Pick<SearchQuery, 'scopes' | 'cone'> = { scopes: [] },
): ParseResult {
  const errors: FilterSyntaxError[] = [];
  const groups = orGroups(text).map((group) => parseGroup(group, errors));
  const lifted = liftNameAndType(groups, errors);
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.offset - b.offset) };
  const query: SearchQuery = {
    scopes: [...base.scopes],
    groups: lifted.groups.map((g) => g.map((c) => c.condition)),
  };
  if (lifted.didType) query.didType = lifted.didType;
  if (lifted.name !== undefined) query.name = lifted.name;
  if (base.cone) query.cone = { ...base.cone };
  return { ok: true, query, spans: lifted.groups.map((g) => g.map((c) => c.spans)) };
}

/** A lower bound's operator as it reads left of the key: `k>1` is `1<k`. */
const TURN_BACK: Partial<Record<Operator, Operator>> = { '>': '<', '>=': '<=' };
const UPPER = new Set<Operator>(['<', '<=']);

/** Conditions as terms; a lower bound followed by an upper bound on the same key reads `1<k<5`. */
function formatConditions(conditions: FilterCondition[]): string[] {
  const terms: string[] = [];
  for (let i = 0; i < conditions.length; i++) {
    const low = conditions[i] as FilterCondition;
    const high = conditions[i + 1];
    const turned = TURN_BACK[low.op];
    if (high && turned && high.key === low.key && UPPER.has(high.op)) {
      terms.push(`${low.value}${turned}${low.key}${high.op}${high.value}`);
      i++;
    } else {
      terms.push(`${low.key}${low.op}${low.value}`);
    }
  }
  return terms;
}

/**
 * Query → filter text in Rucio's CLI syntax (`,` AND, `; ` OR). The DID type and name pattern
 * are repeated in every group, as `rucio did list` needs; scopes and the cone are not part of it.
 */
export function formatFilter(query: SearchQuery): string {
  const shared: string[] = [];
  if (query.didType) shared.push(`type=${query.didType}`);
  if (query.name !== undefined) shared.push(`name=${query.name}`);
  const groups = query.groups.length > 0 ? query.groups : shared.length > 0 ? [[]] : [];
  return groups.map((g) => [...formatConditions(g), ...shared].join(',')).join('; ');
}
