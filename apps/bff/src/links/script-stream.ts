import type { Response } from 'express';
import type { Logger } from 'pino';
import { bundleName, entryName } from '../downloads/bundle.ts';
import { collectionPaths } from '../downloads/collection-paths.ts';
import { tapeOnlyRses, type FileToSend } from '../downloads/replica-open.ts';
import { drainedOrClosed } from '../http/ndjson-pipe.ts';
import type { DownloadLink } from '@bdms/contract';
import { rucioDownloadPath, type RucioClientSetup } from './rucio-script.ts';
import { SCRIPT_MEDIA, scriptEnd, scriptFile, scriptStart, type ScriptFormat } from './scripts.ts';
import type { LinkFile } from './links.service.ts';

export interface ScriptOptions {
  signal: AbortSignal;
  /** Makes the script's signed links (curl, wget, metalink); undefined for the others. */
  links:
    | (() => Promise<{ link: DownloadLink; urlFor: (file: LinkFile) => Promise<string> }>)
    | undefined;
  portal: string;
  /** What the `rucio download` script tells the user to set up. */
  rucio?: RucioClientSetup | undefined;
  log: Logger;
}

/** What a script says when Rucio broke off: shell scripts fail when run, the rest say so. */
const incomplete = (format: ScriptFormat, reason: string): string =>
  format === 'curl' || format === 'wget' || format === 'rucio'
    ? `echo ${JSON.stringify(`This script is incomplete (${reason}): make a new one.`)} >&2\nexit 3\n`
    : format === 'metalink'
      ? `<!-- INCOMPLETE: ${reason.replaceAll('--', '- -')} -->\n`
      : format === 'csv'
        ? `# INCOMPLETE: ${reason}\n`
        : '';

/** What a script covers: one DID, or several (a basket, a search's selection). */
export interface ScriptTarget {
  /** Named in the script's header: `scope:name`, or "your basket (3 DIDs)". */
  label: string;
  /** The DIDs themselves, as `scope:name` (what `rucio download` is given). */
  dids: string[];
  /** The file's name, before the format's extension. */
  filename: string;
  /** Where each file goes, relative to where the script runs. */
  pathOf: (file: FileToSend) => string;
}

/** One collection's script: named after it, its files below a folder of its name. */
export const collectionScript = (did: { scope: string; name: string }): ScriptTarget => ({
  label: `${did.scope}:${did.name}`,
  dids: [`${did.scope}:${did.name}`],
  filename: bundleName(did.name).replace(/\.zip$/, ''),
  pathOf: (file) => entryName(did.name, file.name),
});

/** A script over several DIDs (a basket, a search's selection): paths from collectionPaths. */
export const manyScript = (
  label: string,
  dids: readonly { scope: string; name: string }[],
  filename: string,
): ScriptTarget => ({
  label,
  dids: dids.map((d) => `${d.scope}:${d.name}`),
  filename,
  pathOf: collectionPaths(dids),
});

/** Script text gathered before a write, in characters; and the longest a line waits. */
export const SCRIPT_BATCH = 64 * 1024;
export const SCRIPT_FLUSH_MS = 200;

/**
 * Streams a script over a stream of files: the first file is awaited before any byte is sent (an
 * unknown DID is a 404 then, not a broken script), the links are made once, and each file is one
 * line, written (gathered, see SCRIPT_BATCH) with the socket's backpressure. A failure part-way
 * ends the script with its format's mark of incompleteness (a shell script that exits non-zero
 * when run).
 */
export async function writeScript(
  res: Response,
  target: ScriptTarget,
  format: ScriptFormat,
  files: AsyncIterable<FileToSend>,
  o: ScriptOptions,
): Promise<void> {
  const iterator = files[Symbol.asyncIterator]();
  let next = await iterator.next();
  const made = o.links ? await o.links() : undefined;
  const media = SCRIPT_MEDIA[format];
  res.status(200);
  res.attachment(`${target.filename}.${media.extension}`);
  res.set({ 'Content-Type': media.type, 'Cache-Control': 'private, no-store' });
  const header = {
    did: target.label,
    dids: target.dids,
    expiresAt: made?.link.expiresAt ?? null,
    portal: o.portal,
    rucio: o.rucio,
  };
  // Lines go out gathered (a write each cost a socket write and a queued string each, 100 000 of
  // them in a big script); text waits SCRIPT_FLUSH_MS at most, also while the listing stalls.
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    const text = pending;
    pending = '';
    // A closed response neither takes text nor drains: nothing to wait for.
    if (text && !res.destroyed && !res.write(text)) await drainedOrClosed(res);
  };
  const write = async (text: string) => {
    pending += text;
    if (pending.length >= SCRIPT_BATCH) await flush();
    // Not awaited from the timer: a drain it needs is waited for by the next full batch.
    else timer ??= setTimeout(() => void flush(), SCRIPT_FLUSH_MS);
  };
  await write(scriptStart(format, header));
  await flush();
  let count = 0;
  try {
    while (!next.done && !o.signal.aborted) {
      const f = next.value;
      const tapeOnly = tapeOnlyRses(f);
      const url = made && !tapeOnly ? await made.urlFor(f) : undefined;
      // The rucio script checks each file where Rucio's client puts it.
      const path = format === 'rucio' ? rucioDownloadPath(target.dids, f) : target.pathOf(f);
      await write(scriptFile(format, { ...f, path, url, tapeOnly }));
      count += 1;
      next = await iterator.next();
    }
    await write(scriptEnd(format, count));
  } catch (err) {
    if (o.signal.aborted) {
      clearTimeout(timer);
      return;
    }
    o.log.warn({ err, did: header.did }, 'script incomplete');
    const reason = err instanceof Error ? err.message : String(err);
    await write(incomplete(format, `${reason}; ${String(count)} files written`));
  }
  await flush();
  res.end();
}
