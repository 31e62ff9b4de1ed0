import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Response } from 'express';
import { ZipFile } from 'yazl';
import { AppError } from '../errors.ts';
import { VerifiedBytes } from './file-send.ts';
import {
  openFirst,
  tapeOnlyRses,
  type FileToSend,
  type Opened,
  type StorageAuth,
} from './replica-open.ts';

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
 * A ZIP of the files, streamed into the response (yazl: entries stored, not recompressed; Zip64
 * when the sizes need it; one file read at a time, constant memory; its CRC-32 is node:zlib's,
 * through the patch in packages/config/patches: yazl's buffer-crc32 summed byte by byte in
 * JavaScript, 3.8 s of CPU per GiB, and held bundles to a third of the storage's speed). Its
 * exact length is known before the first byte (every size is Rucio's), so the browser shows
 * progress. Each file is read
 * as a single download is (best replica, the next one if it fails to open) and checked against
 * Rucio's adler32; any failure aborts the response, so a broken bundle never looks complete.
 */
export async function sendBundle(
  res: Response,
  target: BundleTarget,
  files: readonly FileToSend[],
  open: { auth: StorageAuth; signal: AbortSignal },
): Promise<void> {
  const zip = new ZipFile();
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  failed.catch(() => undefined); // raced below; not left unhandled when the end comes first
  const mtime = new Date();
  // The next file is opened (its headers, not its bytes) while this one streams, so the archive
  // does not wait for the storage between files; an unread answer holds a socket buffer at most,
  // and the client going away aborts it (`open.signal`).
  const opening = new Map<number, Promise<Opened>>();
  const openAt = (i: number): Promise<Opened> => {
    let pending = opening.get(i);
    const file = files[i];
    if (!pending && file) {
      pending = openFirst(file, { method: 'GET', range: undefined, ...open });
      pending.catch(() => undefined); // read when its turn comes
      opening.set(i, pending);
    }
    return pending ?? Promise.reject(new Error(`no file ${String(i)} in the bundle`));
  };
  files.forEach((file, i) => {
    zip.addReadStreamLazy(
      target.pathOf(file),
      { compress: false, mtime, ...(file.bytes === null ? {} : { size: file.bytes }) },
      (cb) => {
        const current = openAt(i);
        opening.delete(i);
        if (i + 1 < files.length) void openAt(i + 1);
        current
          .then(({ upstream, source }) => {
            const verified = new VerifiedBytes(
              {
                bytes: file.bytes ?? Number(upstream.headers['content-length']),
                adler32: file.adler32,
              },
              `${file.scope}:${file.name} from ${source.rse}`,
            );
            pipeline(upstream.body, verified).catch((err: unknown) => zip.emit('error', err));
            cb(null, verified);
          })
          .catch((err: unknown) => {
            cb(err, undefined as unknown as Readable);
          });
      },
    );
  });
  // yazl's types omit the callback's argument: the archive's exact size, or -1.
  const end = zip.end.bind(zip) as (options: object, sized: (total: number) => void) => void;
  const total = await new Promise<number>((resolve) => {
    end({}, resolve);
  });
  res.status(200);
  res.attachment(target.filename);
  res.set({ 'Content-Type': 'application/zip', 'Cache-Control': 'private, no-store' });
  if (total >= 0) res.set('Content-Length', String(total));
  try {
    await Promise.race([pipeline(zip.outputStream, res), failed]);
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
