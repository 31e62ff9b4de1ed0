import { formatFilter } from './filter-grammar.ts';
import { pyStr, pythonFilters, rucioGroups } from './python-literal.ts';
import type { FilterCondition, SearchQuery } from './query.ts';
import { pluginOf, valueTypeOf } from './rucio-keys.ts';
import { hasArithmetic, rucioKeepsString } from './rucio-typecast.ts';
import { msToRucio, parseTimeInput } from './time.ts';

/*
 * "Copy as rucio CLI" and "Copy as Python" for a validated query. `notes` say, in words for the
 * user, where the copy would not return exactly the portal's result.
 */

export interface CopyText {
  text: string;
  notes: string[];
}

/** A word for POSIX sh: single-quoted, `'` written as `'\''`. */
export const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

const usesMetadata = (groups: FilterCondition[][]): boolean =>
  groups.flat().some((c) => pluginOf(c.key, c.op) === 'json');

/**
 * A value as Rucio's CLI path must see it to type it as the portal does: whole numbers without
 * sign or leading zeros (`007` would stay text), numbers in JavaScript's shortest form, times in
 * Rucio's date format (an MJD typed in the portal becomes ISO).
 */
function cliValue(c: FilterCondition): FilterCondition {
  if (/[*%]/.test(c.value)) return c;
  switch (valueTypeOf(c.key)) {
    case 'int':
      return { ...c, value: BigInt(c.value).toString() };
    case 'float':
      return { ...c, value: String(Number(c.value)) };
    case 'datetime': {
      const time = parseTimeInput(c.value);
      return time.ok ? { ...c, value: msToRucio(time.ms) } : c;
    }
    default:
      return c;
  }
}

/** Where Rucio's CLI path types a value differently from the portal's typed literal. */
function cliTypingNotes(groups: FilterCondition[][]): string[] {
  const notes = new Set<string>();
  for (const c of groups.flat()) {
    const type = valueTypeOf(c.key);
    if ((type === 'int' || type === 'float') && hasArithmetic(c.value)) {
      notes.add(
        `Rucio compares "${c.key} ${c.op} ${c.value}" from the CLI as text, not as a number.`,
      );
    }
    if (
      (type === 'string' || type === 'enum') &&
      !rucioKeepsString(c.value) &&
      !hasArithmetic(c.value)
    ) {
      notes.add(`Rucio reads "${c.value}" from the CLI as a Python value, not as text.`);
    }
  }
  return [...notes];
}

function commonNotes(query: SearchQuery): string[] {
  const notes: string[] = [];
  if (query.cone) {
    notes.push(
      'The cone is sent as its RA/Dec box: the portal also drops DIDs outside the circle.',
    );
  }
  if (query.didType && query.didType !== 'all' && usesMetadata(rucioGroups(query))) {
    notes.push(
      `Rucio's metadata search ignores the DID type: the portal keeps only ${query.didType}.`,
    );
  }
  return notes;
}

/**
 * `rucio did list` commands (rucio-clients 41), one per scope. The name pattern goes into the
 * filter with the DID as `scope:*` (the CLI refuses other names when the filter mentions `name`);
 * `type=` only without metadata keys, as the CLI keeps it in the filters (rucio#8538).
 */
export function toRucioCli(query: SearchQuery): CopyText {
  const groups = rucioGroups(query).map((g) => g.map(cliValue));
  const metadata = usesMetadata(groups);
  const filter = formatFilter({
    scopes: query.scopes,
    groups,
    ...(query.name !== undefined && { name: query.name }),
    ...(query.didType && !metadata && { didType: query.didType }),
  });
  const option = filter === '' ? '' : ` --filter ${shellQuote(filter)}`;
  const lines = query.scopes.map((scope) => {
    const did = shellQuote(`${scope}:*`);
    return `rucio did list --short${option} ${scope.startsWith('-') ? '-- ' : ''}${did}`;
  });
  const notes = [...commonNotes(query), ...cliTypingNotes(groups)];
  if (query.scopes.length > 1) notes.push('Rucio searches one scope per call: one command each.');
  return { text: lines.join('\n'), notes };
}

/** A Python script listing the same DIDs with the Rucio client's `DIDClient.list_dids`. */
export function toPython(query: SearchQuery): CopyText {
  const scopes = `[${query.scopes.map((s) => pyStr(s)).join(', ')}]`;
  const text = [
    'from rucio.client.didclient import DIDClient',
    '',
    'client = DIDClient()',
    `filters = ${pythonFilters(query)}`,
    `for scope in ${scopes}:`,
    `    for did in client.list_dids(scope, filters=filters, did_type='${query.didType ?? 'collection'}', long=True):`,
    `        print(f"{did['scope']}:{did['name']}")`,
    '',
  ].join('\n');
  return { text, notes: commonNotes(query) };
}
