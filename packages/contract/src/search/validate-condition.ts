import { fieldFor, type MetadataField } from './catalogue.ts';
import { isOperator, type Operator } from './query.ts';
import { JSON_TABLE_KEYS, valueTypeOf } from './rucio-keys.ts';
import { BOOLEAN_WORDS_RE, hasArithmetic, looksLikeRucioDate } from './rucio-typecast.ts';
import { parseTimeInput } from './time.ts';

/*
 * Checks of one `key op value` term before it goes to Rucio, each naming the problem in words a
 * user can act on. validate.ts adds the checks that need the whole query.
 */

export type QueryProblem =
  | 'required'
  | 'bad_character'
  | 'bad_key'
  | 'reserved_key'
  | 'own_field'
  | 'unknown_operator'
  | 'not_filterable'
  | 'wildcard_operator'
  | 'matches_everything'
  | 'wrong_type'
  | 'bad_date'
  | 'out_of_range'
  | 'not_allowed'
  | 'rewritten_by_rucio'
  | 'duplicate'
  | 'plugin_mix'
  | 'empty_group'
  | 'bad_scope'
  | 'duplicate_scope'
  | 'unknown_did_type'
  | 'bad_cone';

/** A problem of one part of a term: `part` is `key`, `op` or `value`. */
export interface TermProblem {
  part: 'key' | 'op' | 'value';
  problem: QueryProblem;
  message: string;
}

const problemAt =
  (part: TermProblem['part']) =>
  (problem: QueryProblem, message: string): TermProblem => ({ part, problem, message });

const KEY_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INT_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Why the filter text (no quoting, trimmed terms) or Rucio's database cannot carry `text`. */
export function carryProblem(text: string): string | undefined {
  if (text === '') return 'is empty';
  if (text.trim() !== text) return 'starts or ends with a space, which the filter text drops';
  const separator = /[,;<>=]/.exec(text)?.[0];
  if (separator) return `contains "${separator}", which the filter syntax cannot quote`;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(text)) return 'contains a control character';
  if (LONE_SURROGATE_RE.test(text)) return 'contains a broken Unicode character';
  return undefined;
}

export function keyProblem(key: string, op: string): TermProblem | undefined {
  const at = problemAt('key');
  if (key === '') return at('required', 'a key is needed');
  if (!KEY_RE.test(key) || key === 'True' || key === 'False' || key === 'None') {
    return at(
      'bad_key',
      `"${key}" is no metadata key: use letters, digits and _, no leading digit`,
    );
  }
  if (key === 'type') {
    return at('own_field', 'set the DID type field instead: Rucio takes the type on its own');
  }
  if (key === 'name' && (op === '=' || op === '==')) {
    return at('own_field', 'set the name pattern field instead');
  }
  if ((key === 'created_after' || key === 'created_before') && op !== '=') {
    return at('bad_key', `${key} takes only =; compare created_at instead`);
  }
  if (key === 'lifetime') return at('reserved_key', 'Rucio cannot search lifetime: use expired_at');
  if (JSON_TABLE_KEYS.has(key)) {
    return at('reserved_key', `Rucio reads "${key}" from its own table, not from the metadata`);
  }
  return undefined;
}

/** `==` is `=`; anything else outside `= != < <= > >=` is refused. */
export const normalOperator = (op: string): Operator | undefined =>
  op === '==' ? '=' : isOperator(op) ? op : undefined;

function rangeProblem(field: MetadataField, value: number): string | undefined {
  const { range } = field;
  if (!range || (value >= range.min && value <= range.max)) return undefined;
  return `${field.key} lies between ${range.min} and ${range.max}`;
}

/** The value checked against the key's type; undefined when it fits. */
function typeProblem(key: string, op: Operator, value: string): TermProblem | undefined {
  const field = fieldFor(key);
  const at = problemAt('value');
  const number = (re: RegExp, kind: string): TermProblem | undefined => {
    if (!re.test(value)) return at('wrong_type', `"${value}" is not ${kind} (${key} is numeric)`);
    const out = rangeProblem(field, Number(value));
    return out ? at('out_of_range', out) : undefined;
  };
  switch (valueTypeOf(key)) {
    case 'int':
      return number(INT_RE, 'a whole number');
    case 'float':
      return number(FLOAT_RE, 'a number');
    case 'bool':
      if (!/^(true|false)$/i.test(value)) return at('wrong_type', `${key} is true or false`);
      return op === '=' || op === '!=' ? undefined : at('wrong_type', 'true/false takes = or !=');
    case 'datetime': {
      const time = parseTimeInput(value);
      return time.ok ? undefined : at('bad_date', `"${value}" ${time.message}`);
    }
    case 'date':
      return DATE_RE.test(value) && parseTimeInput(value).ok
        ? undefined
        : at('bad_date', `"${value}" is not a date (YYYY-MM-DD)`);
    case 'enum':
      return field.values?.includes(value)
        ? undefined
        : at('not_allowed', `"${value}" is not one of ${field.values?.join(', ') ?? ''}`);
    case 'string':
      return rewriteProblem(value);
    default:
      return undefined;
  }
}

/** Text Rucio would re-type although the value holds `+ - * /` (which rules out quoting it). */
function rewriteProblem(value: string): TermProblem | undefined {
  if (!hasArithmetic(value)) return undefined;
  const reason = BOOLEAN_WORDS_RE.test(value)
    ? 'Rucio turns true/false inside it into True/False'
    : looksLikeRucioDate(value)
      ? 'Rucio reads it as a date'
      : undefined;
  return reason ? problemAt('value')('rewritten_by_rucio', reason) : undefined;
}

/** Value checks of a term whose key and operator are fine. */
export function valueProblem(key: string, op: Operator, value: string): TermProblem | undefined {
  const at = problemAt('value');
  const carry = carryProblem(value);
  if (carry) return at(value === '' ? 'required' : 'bad_character', `the value ${carry}`);
  const field = fieldFor(key);
  if (!field.filterable)
    return at('not_filterable', `${key} cannot be filtered: ${field.description}`);
  if (/[*%]/.test(value)) {
    if (op !== '=' && op !== '!=') return at('wildcard_operator', 'wildcards * and % take = or !=');
    if (value === '*' || value === '%') {
      return at('matches_everything', 'Rucio ignores a lone wildcard: remove the condition');
    }
    return undefined;
  }
  return typeProblem(key, op, value);
}
