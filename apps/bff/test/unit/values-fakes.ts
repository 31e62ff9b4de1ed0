import { RucioError, type BulkMetaOptions, type DidSearchOptions } from '@bdms/rucio-client';
import { hasArithmetic, looksLikeRucioDate } from '@bdms/contract/search/rucio-typecast.ts';
import { stubRucio } from './helpers.ts';

/*
 * A stand-in for Rucio's JSON-plugin search, as far as the value listing uses it: the `filters`
 * literal read as Python would, each value re-typed as Rucio 41's FilterEngine does
 * (`_try_typecast_string`), and the comparison chosen by the value's type: text compared with a
 * collation that is NOT code-unit order (as a Postgres en_US database does), numbers as floats
 * (failing on text, as CAST AS FLOAT does), a datetime as TIMESTAMP (failing on non-dates), and
 * `*`/`%` in a value with gt/lt refused (400 DIDFilterSyntaxError, as the devstack's Rucio 41.5.1
 * answers). The real server's answers are in test/fixtures/values-recorded.json and the
 * integration test.
 */

export interface FakeDid {
  name: string;
  meta: Record<string, unknown>;
  /** Postgres's text of a value when it differs from JSON's (a float 1.0 is `1.0`). */
  pgText?: Record<string, string>;
}

type Typed = string | number | boolean | { date: string } | { wildcard: string };

/** A Python string literal's text (the escapes pyStr writes). */
function decode(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(
      /\\(?:([0-7]{1,3})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/gs,
      (_, oct?: string, u?: string, big?: string, char?: string) => {
        if (oct) return String.fromCharCode(parseInt(oct, 8));
        if (u) return String.fromCharCode(parseInt(u, 16));
        if (big) return String.fromCodePoint(parseInt(big, 16));
        return char ?? '';
      },
    );
}

const STRING_LITERAL = /^(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/s;

/** `[{'k': v, 'k.gt': v}]` → entries; values are string literals (all the listing sends). */
export function readFilters(filters: string): [string, string][] {
  let rest = filters.trim();
  const eat = (re: RegExp): string => {
    const m = re.exec(rest);
    if (!m) throw new Error(`fake Rucio cannot read ${filters} at ${rest}`);
    rest = rest.slice(m[0].length).trimStart();
    return m[0];
  };
  eat(/^\[\s*\{/);
  const entries: [string, string][] = [];
  while (!rest.startsWith('}')) {
    const key = decode(eat(STRING_LITERAL));
    eat(/^:/);
    entries.push([key, decode(eat(STRING_LITERAL))]);
    if (rest.startsWith(',')) eat(/^,/);
  }
  return entries;
}

/** Rucio's `_try_typecast_string`, for the literals the listing can send. */
export function typecast(value: string): Typed {
  const v = value.replace(/true|TRUE/g, 'True').replace(/false|FALSE/g, 'False');
  if (looksLikeRucioDate(v)) return { date: v };
  let out: Typed = v;
  if (!hasArithmetic(v)) {
    if (STRING_LITERAL.test(v) && STRING_LITERAL.exec(v)?.[0] === v) out = decode(v);
    else if (/^\d+(\.\d+)?$/.test(v)) out = Number(v);
    else if (v === 'True' || v === 'False') out = v === 'True';
  }
  if (typeof out === 'string' && /[*%]/.test(out)) return { wildcard: out };
  return out;
}

const collator = new Intl.Collator('en');

function pgText(did: FakeDid, key: string): string | undefined {
  const value = did.meta[key];
  if (value === undefined || value === null) return undefined;
  if (did.pgText?.[key] !== undefined) return did.pgText[key];
  return typeof value === 'string' ? value : JSON.stringify(value).replace(/,/g, ', ');
}

const serverError = (why: string, status = 500, exceptionClass = 'InvalidMetadata') =>
  new RucioError(status, exceptionClass, why, '/dids/acada/dids/search');

/** Rucio's LIKE: `*` and `%` any text, `_` escaped (literal), `\\` escaping the next character. */
function likeRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += pattern.charAt(i).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '*' || c === '%') source += '.*';
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function matches(did: FakeDid, field: string, typed: Typed): boolean {
  const [key = '', op = 'eq'] = field.split('.');
  const text = pgText(did, key);
  if (typeof typed === 'object' && 'wildcard' in typed) {
    if (op !== 'eq' && op !== 'ne')
      throw serverError(
        'Wildcards can only be used with equality operators',
        400,
        'DIDFilterSyntaxError',
      );
    // A lone wildcard drops the condition; else LIKE / NOT LIKE (NULL: neither).
    if (typed.wildcard === '*' || typed.wildcard === '%') return true;
    if (text === undefined) return false;
    return likeRegExp(typed.wildcard).test(text) === (op === 'eq');
  }
  if (text === undefined) return false;
  let order: number;
  if (typeof typed === 'object') {
    if (!looksLikeRucioDate(text)) throw serverError('invalid input syntax for type timestamp');
    order = collator.compare(text, typed.date);
  } else if (typeof typed === 'number' || typeof typed === 'boolean') {
    if (typeof did.meta[key] === 'string')
      throw serverError('invalid input syntax for type double');
    order = Number(did.meta[key]) - Number(typed);
  } else order = collator.compare(text, typed);
  return op === 'gt'
    ? order > 0
    : op === 'lt'
      ? order < 0
      : op === 'ne'
        ? order !== 0
        : order === 0;
}

export interface FakeArchive {
  searches: DidSearchOptions[];
  bulk: BulkMetaOptions[];
  stub: ReturnType<typeof stubRucio>;
}

/** A stubbed Rucio port whose search and bulk metadata answer from `dids` (scope `acada`). */
export function fakeArchive(
  dids: FakeDid[],
  options: { delayMs?: number; fail?: (o: DidSearchOptions) => Error | undefined } = {},
): FakeArchive {
  const state: Omit<FakeArchive, 'stub'> = { searches: [], bulk: [] };
  const wait = async (signal?: AbortSignal): Promise<void> => {
    await new Promise((r) => setTimeout(r, options.delayMs ?? 0));
    signal?.throwIfAborted();
  };
  const stub = stubRucio({
    searchDidNames: (o) => {
      state.searches.push(o);
      return (async function* () {
        await wait(o.signal);
        const failure = options.fail?.(o);
        if (failure) throw failure;
        const conditions = readFilters(o.filters).map(([k, v]) => [k, typecast(v)] as const);
        const hits =
          o.scope === 'acada'
            ? dids.filter((d) => conditions.every(([k, v]) => matches(d, k, v)))
            : [];
        for (const d of hits.slice(0, o.limit ?? hits.length)) yield d.name;
      })();
    },
    bulkMeta: (o) => {
      state.bulk.push(o);
      return (async function* () {
        await wait(o.signal);
        for (const { scope, name } of o.dids) {
          const did = dids.find((d) => d.name === name);
          if (did) yield { scope, name, ...did.meta };
        }
      })();
    },
  });
  return { ...state, stub };
}

/** `count` DIDs per value, interleaved (so the first DID Rucio finds is no hint of the order). */
export const didsWith = (key: string, values: unknown[], count = 3): FakeDid[] =>
  Array.from({ length: count }, (_, i) =>
    values.map((value, j) => ({ name: `/ctao/acada/f${i}-${j}`, meta: { [key]: value } })),
  ).flat();
