import { z } from 'zod';
import { didPath } from '../did-path.ts';
import { DidContentDto, DidTypeDto } from '../schemas.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

type DidOptions = AuthOptions & { scope: string; name: string };

/**
 * GET /dids/<scope>/<name>?dynamic_depth=FILE. Rucio keeps `bytes`/`length` of collections in
 * the DID row only when files were attached one by one; `dynamic_depth=FILE` makes it sum the
 * files instead (measured on Rucio 41: a seeded dataset reads null/null without it, 6 files and
 * 26 012 bytes with it). Files answer the same with or without it.
 */
export const DidInfoDto = z
  .object({
    scope: z.string(),
    name: z.string(),
    type: DidTypeDto,
    account: z.string(),
    bytes: z.number().nullable().optional(),
    length: z.number().nullable().optional(),
    md5: z.string().nullable().optional(),
    adler32: z.string().nullable().optional(),
    open: z.boolean().nullable().optional(),
    monotonic: z.boolean().nullable().optional(),
    expired_at: z.string().nullable().optional(),
  })
  .loose();
export type DidInfoDto = z.infer<typeof DidInfoDto>;

/** A metadata dictionary: DID columns, JSON-plugin keys, or both (`ALL`). */
export const DidMetaDto = z.record(z.string(), z.unknown());
export type DidMetaDto = z.infer<typeof DidMetaDto>;

export type MetaPlugin = 'DID_COLUMN' | 'JSON' | 'ALL';

/** One line of GET /dids/<scope>/<name>/parents. */
export const DidParentDto = z
  .object({ scope: z.string(), name: z.string(), type: DidTypeDto })
  .loose();
export type DidParentDto = z.infer<typeof DidParentDto>;

/** One line of a `long` DID search: DID-column data only (null under the JSON plugin). */
export const DidSearchLongDto = z
  .object({
    scope: z.string(),
    name: z.string(),
    did_type: DidTypeDto,
    bytes: z.number().nullable().optional(),
    length: z.number().nullable().optional(),
  })
  .loose();
export type DidSearchLongDto = z.infer<typeof DidSearchLongDto>;

/**
 * GET /dids/<scope>/dids/search?type=collection&long=true: every dataset and container of a scope,
 * streamed (no filter, so Rucio's DID-column plugin answers and `did_type` is filled).
 */
export const listScopeCollections =
  (t: Transport) =>
  ({ scope, ...auth }: AuthOptions & { scope: string }): AsyncIterable<DidSearchLongDto> =>
    streamed(
      t,
      `/dids/${encodeURIComponent(scope)}/dids/search?type=collection&long=true`,
      DidSearchLongDto,
      auth,
    );

/** GET /dids/<scope>/<name>/dids: the content (direct children) of a dataset or container, streamed. */
export const listContents =
  (t: Transport) =>
  ({ scope, name, ...auth }: DidOptions): AsyncIterable<DidContentDto> =>
    streamed(t, `${didPath(scope, name)}/dids`, DidContentDto, auth);

/** GET /dids/<scope>/<name>/parents: the datasets and containers the DID is attached to, streamed. */
export const listParents =
  (t: Transport) =>
  ({ scope, name, ...auth }: DidOptions): AsyncIterable<DidParentDto> =>
    streamed(t, `${didPath(scope, name)}/parents`, DidParentDto, auth);

/** GET /dids/<scope>/<name>, with collection sizes summed over their files (see DidInfoDto). */
export const getDid =
  (t: Transport) =>
  ({ scope, name, ...auth }: DidOptions): Promise<DidInfoDto> =>
    t.json(`${didPath(scope, name)}?dynamic_depth=FILE`, DidInfoDto, auth);

/**
 * GET /dids/<scope>/<name>/meta?plugin=…. Since Rucio 41 the default plugin is DID_COLUMN, so the
 * plugin is always sent. For an unknown DID, DID_COLUMN answers 404 but JSON answers `{}`.
 */
export const getDidMeta =
  (t: Transport) =>
  ({ scope, name, plugin, ...auth }: DidOptions & { plugin: MetaPlugin }): Promise<DidMetaDto> =>
    t.json(`${didPath(scope, name)}/meta?plugin=${plugin}`, DidMetaDto, auth);
