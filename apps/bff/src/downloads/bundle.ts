import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { AppError } from '../errors.ts';
import { Adler32 } from './checksums.ts';
import { openFirst, tapeOnlyRses, type FileToSend, type StorageAuth } from './replica-open.ts';
import { zipLength, zipStream, type ZipItem } from './zip-stream.ts';

/** How big a bundle may be (config; tests make them small). */
export interface BundleLimits {
  maxBytes: number;
  maxFiles: number;
}

export const BUNDLE_LIMITS: BundleLimits = { maxBytes: 50 * 1024 ** 3, maxFiles: 10_000 };

const GiB = 1024 ** 3;
const size = (bytes: number): string =>
  bytes >= GiB ? `${(bytes / GiB).toFixed(1)} GiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

/** The files of a collection, read whole up to the file cap (a bundle states its length first). */
export async function bundleFiles(
  did: string,
  files: AsyncIterable<FileToSend>,
  limits: BundleLimits,
): Promise<FileToSend[]> {
  const out: FileToSend[] = [];
  let bytes = 0;
  for await (const file of files) {
    if (out.length >= limits.maxFiles)
      throw new AppError(
        409,
        'conflict',
        `${did} has more than ${String(limits.maxFiles)} files, too many for one bundle: fetch it with a script instead.`,
      );
    // The archive states its length before the first byte: every size must be known.
    if (file.bytes === null)
      throw new AppError(
        409,
        'conflict',
        `${file.scope}:${file.name} has no size in Rucio, so ${did} cannot be bundled: fetch it with a script instead.`,
      );
    bytes += file.bytes;
    out.push(file);
  }
  if (bytes > limits.maxBytes)
    throw new AppError(
      409,
      'conflict',
      `${did} holds ${size(bytes)}, more than a bundle may (${size(limits.maxBytes)}): fetch it with a script instead.`,
    );
  if (out.length === 0) throw new AppError(409, 'conflict', `${did} has no files to bundle.`);
  throwIfOnTape(did, out);
  return out;
}

/**
 * Before a byte is sent: files with no disk copy would break the archive part-way (tape is never
 * read directly), so the whole bundle is refused, naming how many files and a few of them.
 */
function throwIfOnTape(did: string, files: readonly FileToSend[]): void {
  const onTape = files.flatMap((f) => {
    const rses = tapeOnlyRses(f);
    return rses ? [{ did: `${f.scope}:${f.name}`, rses }] : [];
  });
  if (onTape.length === 0) return;
  const tapeRses = [...new Set(onTape.flatMap((f) => f.rses))].sort();
  const examples = onTape.slice(0, 5).map((f) => f.did);
  throw new AppError(
    409,
    'staging_required',
    `${String(onTape.length)} of ${String(files.length)} files of ${did} are on tape only (${tapeRses.join(', ')}), for example ${examples[0] ?? ''}: request them staged to disk ("Request staging"), then make the bundle again.`,
    { details: { tapeRses, files: onTape.length, examples } },
  );
}

/** Where a file goes in the archive: below a folder named after the collection, by its own path. */
export function entryName(collection: string, file: string): string {
  const top = collection.split('/').filter(Boolean).pop() ?? 'bundle';
  const inside = file.startsWith(`${collection}/`) ? file.slice(collection.length + 1) : file;
  return `${top}/${inside
    .split('/')
    .filter((s) => s && s !== '.' && s !== '..')
    .join('/')}`;
}

/** The archive's own name: the collection's path with `_` for `/`. */
export const bundleName = (collection: string): string =>
  `${collection.split('/').filter(Boolean).join('_') || 'bundle'}.zip`;

/** What a bundle is called and where each file goes in it. */
export interface BundleTarget {
  /** The archive's file name (bundleName for one collection). */
  filename: string;
  pathOf: (file: FileToSend) => string;
}

/**
 * The bytes of a file as they arrive, counted and summed with adler32; at the end, a length or
 * sum other than Rucio's throws (before the archive writes the entry's data descriptor).
 */
async function* verified(
  body: AsyncIterable<Uint8Array>,
  expected: { bytes: number; adler32: string | null },
  label: string,
): AsyncGenerator<Uint8Array> {
  const sum = expected.adler32 ? await Adler32.create() : undefined;
  let count = 0;
  for await (const chunk of body) {
    count += chunk.length;
    sum?.update(chunk);
    yield chunk;
  }
  if (count !== expected.bytes)
    throw new Error(`${label}: ${String(count)} bytes, Rucio records ${String(expected.bytes)}`);
  if (sum && expected.adler32 && sum.hex() !== expected.adler32.toLowerCase())
    throw new Error(`${label}: adler32 ${sum.hex()}, Rucio records ${expected.adler32}`);
}

/**
 * A ZIP of the files, streamed into the response (zip-stream.ts: entries stored, not
 * recompressed; Zip64 when the sizes need it; one file open at a time, constant memory). Its exact
 * length is known before the first byte (every size is Rucio's), so the browser shows progress.
 * Each file is read as a single download is (best replica, the next one if it fails to open) and
 * checked against Rucio's adler32; any failure aborts the response, so a broken bundle never looks
 * complete.
 */
export async function sendBundle(
  res: Response,
  target: BundleTarget,
  files: readonly FileToSend[],
  open: { auth: StorageAuth; signal: AbortSignal },
): Promise<void> {
  const mtime = new Date();
  const items: ZipItem[] = files.map((file) => ({
    path: target.pathOf(file),
    size: file.bytes ?? 0,
    mtime,
    open: async () => {
      const { upstream, source } = await openFirst(file, {
        method: 'GET',
        range: undefined,
        ...open,
      });
      const label = `${file.scope}:${file.name} from ${source.rse}`;
      return verified(upstream.body, { bytes: file.bytes ?? 0, adler32: file.adler32 }, label);
    },
  }));
  res.status(200);
  res.attachment(target.filename);
  res.set({
    'Content-Type': 'application/zip',
    'Cache-Control': 'private, no-store',
    'Content-Length': String(zipLength(items)),
  });
  try {
    await pipeline(zipStream(items), res);
  } catch (err) {
    res.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
}

/** One collection's bundle: named after it, its files below a folder of its name. */
export const collectionBundle = (name: string): BundleTarget => ({
  filename: bundleName(name),
  pathOf: (file) => entryName(name, file.name),
});
