import { AppError } from '../errors.ts';
import type { FileToSend, Opened } from './replica-open.ts';

/** What a download needs to find and open its file, and to keep or drop the user's lookup. */
export interface DownloadPlan {
  /** The user's lookup of this file from the last minute (recent-files.ts), if any. */
  kept: FileToSend | undefined;
  /** A single `bytes=` range, or undefined for the whole file. */
  range: string | undefined;
  /** Asks Rucio where the file is, for this user and address. */
  locate: () => Promise<FileToSend>;
  /** Opens the first replica that answers (openFirst). */
  open: (file: FileToSend) => Promise<Opened>;
  remember: (file: FileToSend) => void;
  forget: () => void;
  signal: AbortSignal;
}

export interface PlannedDownload {
  file: FileToSend;
  opened: Opened;
  /**
   * Settles once Rucio, asked again during this download, still lists the copy being read; the
   * file's last bytes wait for it, and a refusal aborts the response. Undefined: nothing to wait
   * for (the lookup is this request's own, or a range's).
   */
  confirmed?: Promise<void>;
}

/** A failure the caller owns (a range outside the file), or an abort: Rucio cannot help with it. */
const final = (err: unknown, signal: AbortSignal) =>
  signal.aborted || (err instanceof AppError && err.status === 416);

/** Does Rucio's fresh answer still offer the copy being read, with the same record? */
function stillServes(fresh: FileToSend, kept: FileToSend, opened: Opened): boolean {
  const same = fresh.bytes === kept.bytes && fresh.adler32 === kept.adler32;
  return same && fresh.sources.some((s) => s.url === opened.source.url && !s.tape);
}

/**
 * How a download finds its bytes:
 * - no recent lookup: Rucio is asked, then the best replica opened; the lookup is kept.
 * - a range with a recent lookup: that lookup is used (a viewer or a resumed download sends many
 *   ranges; a Rucio call each would cost more than the bytes); if its copies fail to open, Rucio
 *   is asked again, once.
 * - the whole file with a recent lookup: its replica is opened at once while Rucio is asked again
 *   in parallel, so the first byte does not wait for Rucio. The last bytes do: they are held
 *   (VerifiedBytes) until Rucio's new answer still lists that copy for this user; a refusal, or a
 *   copy no longer listed, aborts the response. A file's size and checksum never change in Rucio,
 *   and they are checked as the bytes pass.
 */
export async function openDownload(p: DownloadPlan): Promise<PlannedDownload> {
  // Only a lookup that led to bytes is kept: one that found the file on tape only (409) must not
  // outlive the staging that follows it.
  const openFrom = async (lookup: Promise<FileToSend>): Promise<PlannedDownload> => {
    const file = await lookup;
    const opened = await p.open(file);
    p.remember(file);
    return { file, opened };
  };
  const { kept } = p;
  if (kept === undefined) return openFrom(p.locate());
  if (p.range !== undefined) {
    try {
      return { file: kept, opened: await p.open(kept) };
    } catch (err) {
      if (final(err, p.signal)) throw err;
      p.forget();
      return openFrom(p.locate());
    }
  }
  // Rucio's new answer, once it is in (it may come before the storage answers).
  const answer: { file?: FileToSend; error?: unknown } = {};
  const again = p.locate().then(
    (file) => (answer.file = file),
    (error: unknown) => {
      answer.error = error;
      throw error;
    },
  );
  again.catch(() => undefined); // read below, or through `confirmed`
  let opened: Opened;
  try {
    opened = await p.open(kept);
  } catch (err) {
    if (final(err, p.signal)) throw err;
    p.forget();
    return openFrom(again);
  }
  // Already answered: no byte is out yet, so a refusal is the answer, and a moved copy is reopened.
  if (answer.error !== undefined || (answer.file && !stillServes(answer.file, kept, opened))) {
    await opened.upstream.body.dump();
    p.forget();
    return openFrom(again);
  }
  const confirmed = again.then((file) => {
    if (!stillServes(file, kept, opened))
      throw new AppError(
        409,
        'conflict',
        `Rucio no longer lists ${kept.scope}:${kept.name} at ${opened.source.rse}: download it again.`,
      );
    p.remember(file);
  });
  confirmed.catch(() => {
    p.forget();
  });
  return { file: kept, opened, confirmed };
}
