import { z } from 'zod';
import { DidTypeDto } from '../schemas.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

/** Rucio's `type` parameter of a DID search. */
export type DidSearchType = 'all' | 'collection' | 'container' | 'dataset' | 'file';

export interface DidSearchOptions extends AuthOptions {
  scope: string;
  /**
   * The `filters` parameter as Python literal text (Rucio reads it with `ast.literal_eval`): a
   * list of dicts, OR between dicts, AND inside one. Never `[]` (that drops the scope condition
   * in Rucio 41); no condition at all is `[{}]`.
   */
  filters: string;
  /** Sent as its own parameter, never inside `filters` (that mixes metadata plugins). */
  type: DidSearchType;
  /** Rucio's `limit`: at most this many names (before any type check of the caller). */
  limit?: number;
}

/** One line of a `long=true` search. Under the JSON plugin `did_type`, `bytes`, `length` are null. */
export const DidSearchHitDto = z
  .object({
    scope: z.string(),
    name: z.string(),
    did_type: DidTypeDto.nullable(),
    bytes: z.number().nullable().optional(),
    length: z.number().nullable().optional(),
  })
  .loose();
export type DidSearchHitDto = z.infer<typeof DidSearchHitDto>;

function searchPath(o: DidSearchOptions, long: boolean): string {
  if (o.filters.trim() === '[]') throw new RangeError('filters=[] would search every scope');
  const params = new URLSearchParams({ type: o.type, long: long ? 'true' : 'false' });
  if (o.limit !== undefined) params.set('limit', String(o.limit));
  params.set('filters', o.filters);
  return `/dids/${encodeURIComponent(o.scope)}/dids/search?${params.toString()}`;
}

const auth = ({ token, account, signal }: AuthOptions): AuthOptions => ({ token, account, signal });

/**
 * GET /dids/<scope>/dids/search?long=false: the matching names of one scope, streamed line by line
 * (bare JSON strings). Rucio searches one scope per call, with no permission check and no order.
 */
export const searchDidNames =
  (t: Transport) =>
  (options: DidSearchOptions): AsyncIterable<string> =>
    streamed(t, searchPath(options, false), z.string(), auth(options));

/** The same search with `long=true`: DID-column data, which the JSON plugin leaves null. */
export const searchDids =
  (t: Transport) =>
  (options: DidSearchOptions): AsyncIterable<DidSearchHitDto> =>
    streamed(t, searchPath(options, true), DidSearchHitDto, auth(options));

/** Rucio's cap on DIDs per `POST /dids/bulkmeta` call. */
export const BULK_META_MAX = 1000;

/** One line of `POST /dids/bulkmeta`: scope, name and the plugin's keys (ALL: columns + JSON). */
export const BulkMetaDto = z.object({ scope: z.string(), name: z.string() }).catchall(z.unknown());
export type BulkMetaDto = z.infer<typeof BulkMetaDto>;

export interface BulkMetaOptions extends AuthOptions {
  dids: readonly { scope: string; name: string }[];
  /**
   * Sent explicitly: since Rucio 41 the default is DID_COLUMN. `ALL` gives `did_type`, `bytes`,
   * `length` and every JSON key in one call.
   */
  plugin: 'DID_COLUMN' | 'JSON' | 'ALL';
  inherit?: boolean;
}

/**
 * POST /dids/bulkmeta, streamed: the metadata of up to 1 000 DIDs. Unknown DIDs are skipped
 * silently and the order is not the request's.
 */
export const bulkMeta =
  (t: Transport) =>
  ({ dids, plugin, inherit = false, ...rest }: BulkMetaOptions): AsyncIterable<BulkMetaDto> => {
    if (dids.length > BULK_META_MAX)
      throw new RangeError(`bulkmeta takes at most ${BULK_META_MAX} DIDs, not ${dids.length}`);
    const body = { dids: dids.map(({ scope, name }) => ({ scope, name })), inherit, plugin };
    return streamed(t, '/dids/bulkmeta', BulkMetaDto, { ...auth(rest), method: 'POST', body });
  };
