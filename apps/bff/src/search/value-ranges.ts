import { ARCHIVE_VALUE_MAX_LENGTH } from '@bdms/contract/search/values.ts';
import { drainQueue } from '../lib/work-queue.ts';
import { exactBound, familyPrefix, type Interval } from './range-filters.ts';

/*
 * The distinct values of one JSON metadata key, found with nothing but Rucio's search: Rucio has
 * no "distinct values" call, and its JSON-plugin search returns names only. So: ask for any one
 * DID whose value lies strictly inside a text interval (limit 1), read that DID's value, and split
 * the interval at it, until every interval is empty. Each value costs two Rucio calls (a search
 * and a metadata read) and each empty interval one; the intervals are disjoint, so nothing is
 * counted twice and, uncapped, nothing is missed.
 *
 * The order is the database's, never ours: Rucio compares `meta->>'key'` as VARCHAR with the
 * server's collation, and the recursion only uses bounds Rucio itself reported, so it does not
 * matter how that collation sorts. A value that cannot bound exactly (range-filters.ts: `Sgr A*`)
 * splits its interval into the part outside its family (`NOT LIKE 'Sgr A%'`, split further as
 * usual) and the family itself, whose DIDs are read one by one when they are few.
 */

export interface RangePort {
  /** Any one DID's value in the interval (limit 1), or null when the interval is empty. */
  any(interval: Interval, signal: AbortSignal): Promise<{ value: unknown } | null>;
  /** Every DID's value in the interval, or null when it holds more than `max` DIDs. */
  all(interval: Interval, max: number, signal: AbortSignal): Promise<unknown[] | null>;
}

export interface RangeLimits {
  /** Stop after this many values. */
  maxValues: number;
  /** Stop starting Rucio calls after this long (ms). */
  budgetMs: number;
  /** Rucio calls at once. */
  inFlight: number;
  /** DIDs read one by one at most, for a part that cannot be split. */
  readMax: number;
}

export interface ListedValues {
  values: string[];
  complete: boolean;
}

type Task = { kind: 'split' | 'read'; interval: Interval };

/**
 * A value as the text Postgres compares (`meta->>'key'`): strings as they are, numbers and
 * booleans as JSON writes them. Lists, objects and null have no text a filter could carry.
 */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
    return JSON.stringify(value);
  return undefined;
}

/** The values found so far and the parts still to look at; see listDistinctValues. */
function listing(limits: RangeLimits) {
  const found = new Set<string>();
  const queue: Task[] = [{ kind: 'split', interval: {} }];
  let complete = true;

  /** Adds a value; false when it cannot be listed (no text, too long, over the cap). */
  function add(text: string | undefined): boolean {
    if (text === undefined || text.length > ARCHIVE_VALUE_MAX_LENGTH) return false;
    if (found.has(text)) return true;
    if (found.size >= limits.maxValues) return false;
    found.add(text);
    return true;
  }

  /** The value found in `interval` splits it in two, or else into its family and the rest. */
  function split(interval: Interval, value: unknown): void {
    const text = asText(value);
    // The intervals are disjoint, so a value met again is one whose text Postgres writes
    // otherwise (a JSON 1.0 reads back as 1): splitting at it again would find it again.
    const again = text !== undefined && found.has(text);
    if (!add(text)) complete = false;
    if (text !== undefined && !again && exactBound(text)) {
      queue.push(
        { kind: 'split', interval: { ...interval, below: text } },
        { kind: 'split', interval: { ...interval, above: text } },
      );
      return;
    }
    const prefix = text === undefined ? '' : familyPrefix(text);
    if (prefix !== '' && interval.outside === undefined && interval.within === undefined) {
      queue.push(
        { kind: 'split', interval: { ...interval, outside: prefix } },
        { kind: 'read', interval: { ...interval, within: prefix } },
      );
    } else queue.push({ kind: 'read', interval });
  }

  /** Every value of a part read DID by DID; null: too many DIDs to read. */
  function read(values: unknown[] | null): void {
    if (values === null) complete = false;
    else for (const value of values) if (!add(asText(value))) complete = false;
  }

  return {
    queue,
    split,
    read,
    full: (): boolean => found.size >= limits.maxValues,
    result: (drained: boolean): ListedValues => ({
      values: [...found].sort(compareText),
      complete: complete && drained,
    }),
  };
}

/** Every distinct value the port finds, up to the limits; `complete` says whether all were. */
export async function listDistinctValues(
  port: RangePort,
  limits: RangeLimits,
  signal: AbortSignal,
  now: () => number = Date.now,
): Promise<ListedValues> {
  const deadline = now() + limits.budgetMs;
  const state = listing(limits);
  const more = (): boolean => !state.full() && now() <= deadline;
  const drained = await drainQueue(
    state.queue,
    { inFlight: limits.inFlight, signal, more },
    async ({ kind, interval }, taskSignal) => {
      if (kind === 'read') state.read(await port.all(interval, limits.readMax, taskSignal));
      else {
        const hit = await port.any(interval, taskSignal);
        if (hit) state.split(interval, hit.value);
      }
    },
  );
  return state.result(drained);
}

/** Case-insensitive first, so CTAO-North and ctao-north sit together; then code units. */
export function compareText(a: string, b: string): number {
  const folded = a.toLowerCase().localeCompare(b.toLowerCase(), 'en');
  return folded !== 0 ? folded : a < b ? -1 : a > b ? 1 : 0;
}
