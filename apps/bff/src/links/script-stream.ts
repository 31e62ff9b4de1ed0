import type { Response } from 'express';
import type { Logger } from 'pino';
import { bundleName, entryName } from '../downloads/bundle.ts';
import type { FileToSend } from '../downloads/replica-open.ts';
import { drainedOrClosed } from '../http/ndjson-pipe.ts';
import type { DownloadLink } from '@bdms/contract';
import { SCRIPT_MEDIA, scriptEnd, scriptFile, scriptStart, type ScriptFormat } from './scripts.ts';
import type { LinkFile } from './links.service.ts';

export interface ScriptOptions {
  signal: AbortSignal;
  /** Makes the script's signed links (curl, wget, metalink); undefined for the others. */
  links:
    | (() => Promise<{ link: DownloadLink; urlFor: (file: LinkFile) => Promise<string> }>)
    | undefined;
  portal: string;
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

/**
 * Streams a script over a DID's files: the first file is awaited before any byte is sent (an
 * unknown DID is a 404 then, not a broken script), the links are made once, and each file is one
 * line, written with the socket's backpressure. A failure part-way ends the script with its
 * format's mark of incompleteness (a shell script that exits non-zero when run).
 */
export async function writeScript(
  res: Response,
  did: { scope: string; name: string },
  format: ScriptFormat,
  files: AsyncIterable<FileToSend>,
  o: ScriptOptions,
): Promise<void> {
  const iterator = files[Symbol.asyncIterator]();
  let next = await iterator.next();
  const made = o.links ? await o.links() : undefined;
  const media = SCRIPT_MEDIA[format];
  res.status(200);
  res.attachment(`${bundleName(did.name).replace(/\.zip$/, '')}.${media.extension}`);
  res.set({ 'Content-Type': media.type, 'Cache-Control': 'private, no-store' });
  const header = {
    did: `${did.scope}:${did.name}`,
    expiresAt: made?.link.expiresAt ?? null,
    portal: o.portal,
  };
  const write = async (text: string) => {
    if (text && !res.write(text)) await drainedOrClosed(res);
  };
  await write(scriptStart(format, header));
  let count = 0;
  try {
    while (!next.done && !o.signal.aborted) {
      const f = next.value;
      const url = made ? await made.urlFor(f) : undefined;
      const path = entryName(did.name, f.name);
      await write(scriptFile(format, { ...f, path, url }));
      count += 1;
      next = await iterator.next();
    }
    await write(scriptEnd(format, count));
  } catch (err) {
    if (o.signal.aborted) return;
    o.log.warn({ err, did: header.did }, 'script incomplete');
    const reason = err instanceof Error ? err.message : String(err);
    await write(incomplete(format, `${reason}; ${String(count)} files written`));
  }
  res.end();
}
