/**
 * Where a basket's data is, from what Rucio answered in bulk: pure functions, so each rule is
 * tested without Rucio. A file's figures are exact (its DID record and replicas, now). A dataset's
 * come from its DID record when Rucio keeps them there (closed datasets), else from Rucio's
 * dataset-replica table, like its `where`: that table is filled by a daemon, so it lags.
 */
import type { BasketWhere, FigureSource } from '@bdms/contract';
import type { BulkMetaDto, DatasetReplicaDto, FileReplicaDto } from '@bdms/rucio-client';

export type RseType = 'DISK' | 'TAPE';

export interface Figures {
  files: number | null;
  bytes: number | null;
  bytesTapeOnly: number | null;
  where: BasketWhere;
  sizeSource: FigureSource;
  whereSource: FigureSource;
}

export const UNKNOWN: Figures = {
  files: null,
  bytes: null,
  bytesTapeOnly: null,
  where: 'unknown',
  sizeSource: 'unknown',
  whereSource: 'unknown',
};

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const most = (values: (number | null | undefined)[]): number | null =>
  values.reduce<number | null>(
    (m, v) => (typeof v === 'number' && (m === null || v > m) ? v : m),
    null,
  );

/** An RSE whose type Rucio does not list is not taken for tape. */
const isTape = (types: ReadonlyMap<string, RseType>, rse: string) => types.get(rse) === 'TAPE';

/** A file: exact, from its DID record and its replicas as Rucio lists them now. */
export function fileFigures(
  meta: BulkMetaDto,
  replica: FileReplicaDto | undefined,
  types: ReadonlyMap<string, RseType>,
): Figures {
  const bytes = num(meta.bytes) ?? replica?.bytes ?? null;
  const rses = Object.keys(replica?.rses ?? {});
  // Without `states` (older Rucio), a listed replica is an available one.
  const available = rses.filter((rse) => (replica?.states?.[rse] ?? 'AVAILABLE') === 'AVAILABLE');
  const onDisk = available.some((rse) => !isTape(types, rse));
  const onTape = available.some((rse) => isTape(types, rse));
  const where: BasketWhere = onDisk ? 'disk' : onTape ? 'tape-only' : 'none';
  return {
    files: 1,
    bytes,
    bytesTapeOnly: where === 'tape-only' ? bytes : bytes === null ? null : 0,
    where,
    sizeSource: bytes === null ? 'unknown' : 'exact',
    whereSource: 'exact',
  };
}

/**
 * A dataset, from Rucio's dataset-replica table (one row per RSE that has or gets it): on disk
 * when one disk RSE has every file; tape only when a tape RSE has files beyond the best disk
 * RSE's; partial when some files are on disk and no tape holds more; none when no RSE has any.
 * The same rules for rows counted from the file replicas (`recounted`), whose `where` is exact.
 */
export function datasetFigures(
  meta: BulkMetaDto | undefined,
  rows: readonly DatasetReplicaDto[],
  types: ReadonlyMap<string, RseType>,
  /** The rows were counted from the file replicas now (`?deep=true`), not the lagging table. */
  recounted = false,
): Figures {
  const recorded = num(meta?.length);
  const files = recorded ?? most(rows.map((r) => r.length));
  const bytes = recorded !== null ? num(meta?.bytes) : most(rows.map((r) => r.bytes));
  const sizeSource: FigureSource =
    recorded !== null ? 'exact' : files === null ? 'unknown' : 'dataset_replicas';
  const disk = rows.filter((r) => !isTape(types, r.rse));
  const tape = rows.filter((r) => isTape(types, r.rse));
  const diskFiles = most(disk.map((r) => r.available_length)) ?? 0;
  const diskBytes = most(disk.map((r) => r.available_bytes)) ?? 0;
  const tapeFiles = most(tape.map((r) => r.available_length)) ?? 0;
  const tapeBytes = most(tape.map((r) => r.available_bytes)) ?? 0;
  const base = {
    files,
    bytes,
    sizeSource,
    whereSource: recounted ? ('exact' as const) : ('dataset_replicas' as const),
  };
  if (files === null) return { ...base, where: 'unknown', bytesTapeOnly: null };
  if (files > 0 && diskFiles >= files) return { ...base, where: 'disk', bytesTapeOnly: 0 };
  if (tapeFiles > diskFiles)
    return { ...base, where: 'tape-only', bytesTapeOnly: Math.max(0, tapeBytes - diskBytes) };
  return { ...base, where: diskFiles > 0 ? 'partial' : 'none', bytesTapeOnly: 0 };
}

const sum = (values: (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);

/** A collection's figures from its datasets': tape only wins, then unknown, then partial. */
export function combineFigures(parts: readonly Figures[]): Figures {
  if (parts.length === 0)
    return {
      ...UNKNOWN,
      files: 0,
      bytes: 0,
      bytesTapeOnly: 0,
      where: 'none',
      sizeSource: 'exact',
      whereSource: 'exact',
    };
  const all = (w: BasketWhere) => parts.every((p) => p.where === w);
  const any = (w: BasketWhere) => parts.some((p) => p.where === w);
  const where: BasketWhere = all('disk')
    ? 'disk'
    : any('tape-only')
      ? 'tape-only'
      : any('unknown')
        ? 'unknown'
        : all('none')
          ? 'none'
          : 'partial';
  const source = (pick: (f: Figures) => FigureSource): FigureSource =>
    parts.some((p) => pick(p) === 'unknown')
      ? 'unknown'
      : parts.some((p) => pick(p) === 'dataset_replicas')
        ? 'dataset_replicas'
        : 'exact';
  return {
    files: sum(parts.map((p) => p.files)),
    bytes: sum(parts.map((p) => p.bytes)),
    bytesTapeOnly: sum(parts.map((p) => p.bytesTapeOnly)),
    where,
    sizeSource: source((p) => p.sizeSource),
    whereSource: source((p) => p.whereSource),
  };
}

/**
 * A container: where from its datasets; files and bytes from its DID record when Rucio keeps them
 * there, else summed over its datasets. A walk stopped at the limits leaves `where` unknown.
 */
export function containerFigures(
  meta: BulkMetaDto,
  datasets: readonly Figures[] | undefined,
): Figures {
  const recorded = num(meta.length);
  const combined = datasets ? combineFigures(datasets) : UNKNOWN;
  if (recorded === null) return combined;
  return { ...combined, files: recorded, bytes: num(meta.bytes), sizeSource: 'exact' };
}
