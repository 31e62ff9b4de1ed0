import type { ArchiveValues } from '@bdms/contract/search/values.ts';
import { BULK_META_MAX } from '@bdms/rucio-client';
import { createReferenceCache } from '../lib/reference-cache.ts';
import { createSharedRuns } from '../lib/shared-runs.ts';
import type { RucioPort } from '../rucio-port.ts';
import { rangeFilters, type Interval } from './range-filters.ts';
import { listDistinctValues, type RangeLimits, type RangePort } from './value-ranges.ts';

/*
 * The values a metadata key really has in a scope (issue 6, item 3: suggestions drawn from the
 * archive), listed by range splitting over Rucio's search (value-ranges.ts).
 *
 * The answer is shared by every user: Rucio's DID search has no permission check (any account
 * that may search at all gets the same names for the same filter), so one user's listing tells
 * another nothing they could not ask Rucio themselves. It is cached per (scope, key) for a few
 * minutes, and callers asking while it is computed wait for the same computation
 * (lib/shared-runs.ts), which stops its Rucio calls once every one of them has gone away.
 */

/** Two Rucio calls per value: a cap keeps one listing from occupying Rucio for long. */
export const DEFAULT_VALUE_LIMITS: RangeLimits = {
  maxValues: 200,
  budgetMs: 15_000,
  inFlight: 3,
  readMax: 2000,
};

/** Listings are reused this many times longer than other reference data (REFERENCE_CACHE_SECONDS). */
export const VALUES_CACHE_FACTOR = 5;

export interface ValuesDeps {
  rucio: Pick<RucioPort, 'searchDidNames' | 'bulkMeta'>;
  /** REFERENCE_CACHE_SECONDS in ms; 0 turns the cache off. */
  referenceCacheMs: number;
  limits?: RangeLimits;
  now?: () => number;
}

const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

export function createValuesService(deps: ValuesDeps) {
  const { rucio } = deps;
  const limits = deps.limits ?? DEFAULT_VALUE_LIMITS;
  const now = deps.now ?? Date.now;
  const cache = createReferenceCache({
    ttlMs: deps.referenceCacheMs * VALUES_CACHE_FACTOR,
    max: 1000,
  });
  const runs = createSharedRuns();

  /** Rucio's search and bulk metadata as the listing asks them (value-ranges.ts). */
  function port(token: string, scope: string, key: string): RangePort {
    const names = async (interval: Interval, limit: number, signal: AbortSignal) => {
      const filters = rangeFilters(key, interval);
      const out: string[] = [];
      for await (const name of rucio.searchDidNames({
        token,
        scope,
        type: 'all',
        filters,
        limit,
        signal,
      }))
        out.push(name);
      return out;
    };
    /** The key's value of each DID still there (bulkmeta skips deleted ones), 1 000 a call. */
    const values = async (found: string[], signal: AbortSignal) => {
      const out: unknown[] = [];
      for (let i = 0; i < found.length; i += BULK_META_MAX) {
        const dids = found.slice(i, i + BULK_META_MAX).map((name) => ({ scope, name }));
        for await (const meta of rucio.bulkMeta({ token, dids, plugin: 'JSON', signal }))
          out.push(meta[key]);
      }
      return out;
    };
    return {
      async any(interval, signal) {
        const found = await names(interval, 1, signal);
        if (found.length === 0) return null;
        // Deleted between the two calls: no value, so the part is read whole.
        return { value: (await values(found, signal))[0] };
      },
      async all(interval, max, signal) {
        const found = await names(interval, max + 1, signal);
        return found.length > max ? null : values(found, signal);
      },
    };
  }

  async function compute(
    token: string,
    scope: string,
    key: string,
    signal: AbortSignal,
  ): Promise<ArchiveValues> {
    const listed = await listDistinctValues(port(token, scope, key), limits, signal, now);
    return { scope, key, ...listed, computedAt: new Date(now()).toISOString() };
  }

  async function once(token: string, scope: string, key: string, signal: AbortSignal) {
    const id = `values|${scope}|${key}`;
    return runs.join(id, signal, (shared) =>
      cache.get(id, () => compute(token, scope, key, shared)),
    );
  }

  return {
    /** The distinct values of `key` in `scope` (the key already checked by the contract). */
    async list(
      token: string,
      scope: string,
      key: string,
      signal: AbortSignal,
    ): Promise<ArchiveValues> {
      try {
        return await once(token, scope, key, signal);
      } catch (error) {
        // Joined a computation in the instant everyone else left it: ask once more.
        if (signal.aborted || !isAbort(error)) throw error;
        return once(token, scope, key, signal);
      }
    },
  };
}

export type ValuesService = ReturnType<typeof createValuesService>;
