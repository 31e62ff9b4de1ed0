import {
  searchParams,
  type SearchNameRow,
  type SearchProgress,
  type SearchQuery,
  type SearchRow,
} from '@bdms/contract';
import type { DidSearchType } from '@bdms/rucio-client';
import type { RucioPort } from '../rucio-port.ts';
import { retryFirstUse401 } from './first-use-retry.ts';
import { batches, pipelined, type PipelineOptions } from './pipeline.ts';
import { rowFilter } from './rows.ts';
import { splitBulkMeta } from './split-meta.ts';
import { mergeScopes, type FoundName, type MergeState } from './scope-merge.ts';

/*
 * A metadata search as a story: every scope is searched at once (Rucio searches one scope per
 * call), the names merged as they arrive; batches of names get their type, size and metadata from
 * Rucio's bulk metadata while the search goes on; rows of another type or outside the cone are
 * dropped; the result stops at the cap. Every upstream request shares one AbortController, so a
 * client that leaves (or the cap) stops them all.
 */

export type SearchItem = SearchRow | SearchNameRow | SearchProgress;

/** What the trailer reports; filled while the search runs. */
export interface SearchStats extends MergeState {
  sent: number;
  capped: boolean;
}

export interface SearchRun {
  items: AsyncIterable<SearchItem>;
  stats: SearchStats;
}

export interface OpenSearch {
  signal: AbortSignal;
  /** Stop after this many rows (and say so); undefined: the whole result (export). */
  cap?: number;
  /** Rucio's names as they are, not enriched (and not type- or cone-checked). */
  namesOnly?: boolean;
  /** Interleave progress lines (the live search; not exports). */
  progress?: boolean;
}

export interface EnrichOptions extends PipelineOptions {
  /** The first this many batches ask for DID columns and JSON keys apart (split-meta.ts). */
  splitFirst: number;
}

/**
 * The first 100 names as two batches of 50, at Rucio at once (Rucio's bulk metadata costs per DID:
 * two halves come back in about half the time of one batch of 100, measured on the devstack), each
 * as the DID_COLUMN and JSON pair, so the first rows arrive fast; then Rucio's maximum as plugin
 * ALL; three batches at Rucio at once.
 */
export const DEFAULT_PIPELINE: EnrichOptions = {
  sizes: [50, 50, 1000],
  inFlight: 3,
  maxWaitMs: 200,
  splitFirst: 2,
};

export function createSearchService(deps: {
  rucio: Pick<RucioPort, 'searchDidNames' | 'bulkMeta'>;
  pipeline?: EnrichOptions;
}) {
  const { rucio } = deps;
  const pipeline = deps.pipeline ?? DEFAULT_PIPELINE;

  function open(token: string, query: SearchQuery, options: OpenSearch): SearchRun {
    const controller = new AbortController();
    const { signal } = controller;
    const abort = (): void => {
      controller.abort(options.signal.reason);
    };
    if (options.signal.aborted) abort();
    else options.signal.addEventListener('abort', abort, { once: true });
    const stop = (): void => {
      options.signal.removeEventListener('abort', abort);
      controller.abort();
    };

    const stats: SearchStats = { matched: 0, scopesDone: [], sent: 0, capped: false };
    const params = searchParams(query, { long: false });
    const type = (params.type ?? 'collection') as DidSearchType;
    const filters = params.filters ?? '[{}]';
    const names = mergeScopes(
      query.scopes.map((scope) => ({
        scope,
        names: retryFirstUse401(
          () => rucio.searchDidNames({ token, scope, type, filters, signal }),
          signal,
        ),
      })),
      stats,
    );

    // Built once per search: every batch is checked against the same type, cone and columns.
    const filter = rowFilter(query);
    // Batches reach `enrich` in order (pipelined calls it as they are cut).
    let batchesSent = 0;
    const enrich = async (found: FoundName[]): Promise<SearchRow[]> => {
      const rows: SearchRow[] = [];
      const o = { token, dids: found, signal };
      const split = batchesSent++ < pipeline.splitFirst;
      const records = split
        ? splitBulkMeta((b) => rucio.bulkMeta(b), o)
        : rucio.bulkMeta({ ...o, plugin: 'ALL' });
      for await (const record of records) {
        const row = filter.toRow(record);
        if (row) rows.push(row);
      }
      return rows;
    };

    // Names only: the first name alone, so it leaves at once (time to first byte); then whatever
    // arrived together, up to 1 000. A first batch of 1 000 held the first byte until a thousand
    // names had passed the merge, which cost tens of ms when Rucio's names came fast.
    const rowBatches: AsyncIterable<(SearchRow | SearchNameRow)[]> = options.namesOnly
      ? batches(names, [1, 1000], 0)
      : pipelined(
          batches(names, pipeline.sizes, pipeline.maxWaitMs),
          enrich,
          pipeline.inFlight,
          stop,
        );

    let scopesReported = 0;
    async function* items(): AsyncGenerator<SearchItem> {
      try {
        for await (const batch of rowBatches) {
          for (const row of batch) {
            if (options.cap !== undefined && stats.sent >= options.cap) {
              stats.capped = true;
              stop();
              return;
            }
            stats.sent += 1;
            yield row;
          }
          // Names only: batches are whatever arrived at once; progress only when a scope ends.
          const news = stats.scopesDone.length !== scopesReported;
          if (options.progress && (!options.namesOnly || news)) {
            scopesReported = stats.scopesDone.length;
            yield {
              progress: {
                matched: stats.matched,
                sent: stats.sent,
                scopesDone: [...stats.scopesDone],
              },
            };
          }
        }
      } finally {
        stop();
      }
    }
    return { items: items(), stats };
  }

  /** Every row of the result, enriched and checked, without cap or progress lines (exports). */
  async function* rows(
    token: string,
    query: SearchQuery,
    signal: AbortSignal,
  ): AsyncGenerator<SearchRow> {
    for await (const item of open(token, query, { signal }).items) if ('type' in item) yield item;
  }

  return { open, rows };
}

export type SearchService = ReturnType<typeof createSearchService>;
