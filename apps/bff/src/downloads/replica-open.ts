import { request, type Dispatcher } from 'undici';
import { AppError } from '../errors.ts';
import type { Source } from './replica-sources.ts';

/** The Authorization header to send to a replica's storage (undefined: none). */
export type StorageAuth = (source: Source) => Promise<string | undefined>;

/** A file as the BFF serves it: Rucio's record and where to read it, best first. */
export interface FileToSend {
  scope: string;
  name: string;
  bytes: number | null;
  adler32: string | null;
  md5: string | null;
  sources: Source[];
}

export interface Opened {
  source: Source;
  upstream: Dispatcher.ResponseData;
}

export interface OpenOptions {
  method: 'GET' | 'HEAD';
  /** A single `bytes=a-b` range, passed on as it came (others are not asked for). */
  range: string | undefined;
  auth: StorageAuth;
  signal: AbortSignal;
  dispatcher?: Dispatcher | undefined;
}

/** Only one `bytes=` range is passed on; several, or another unit, get the whole file (RFC 9110). */
export const singleRange = (header: string | undefined): string | undefined =>
  header && /^bytes=(\d+-\d*|-\d+)$/.test(header.trim()) ? header.trim() : undefined;

const did = (f: FileToSend) => `${f.scope}:${f.name}`;

/** The tape RSEs of a file that has replicas but no disk copy, else undefined. */
export function tapeOnlyRses(file: FileToSend): string[] | undefined {
  if (file.sources.length === 0 || file.sources.some((s) => !s.tape)) return undefined;
  return [...new Set(file.sources.map((s) => s.rse))].sort();
}

/** 409 staging_required: the file is only on tape (its RSEs named in `details.tapeRses`). */
export const stagingRequired = (file: FileToSend): AppError => {
  const tapeRses = tapeOnlyRses(file) ?? [];
  return new AppError(
    409,
    'staging_required',
    `${did(file)} is on tape only (${tapeRses.join(', ')}): request it staged to disk ("Request staging" on its page), then download it.`,
    { details: { tapeRses } },
  );
};

/**
 * The first replica that answers with the bytes: each is asked in turn, one that refuses, fails
 * or sends a length other than Rucio's is skipped for the next. Only disk replicas are read: a
 * file on tape only is a 409 staging_required. A range outside the file is the
 * caller's (416 at once, as every replica would say). None left: 502 naming the DID and what each
 * said (503 when no storage answered at all).
 */
export async function openFirst(file: FileToSend, o: OpenOptions): Promise<Opened> {
  const failures: string[] = [];
  let answered = false;
  // Tape is never read directly (in production it answers only after a recall): a file whose
  // only copies are on tape has to be staged to disk first.
  if (tapeOnlyRses(file)) throw stagingRequired(file);
  const disk = file.sources.filter((s) => !s.tape);
  for (const source of disk) {
    let upstream: Dispatcher.ResponseData;
    try {
      const authorization = await o.auth(source);
      upstream = await request(source.url, {
        method: o.method,
        headers: {
          ...(o.range ? { range: o.range } : {}),
          ...(authorization ? { authorization } : {}),
        },
        signal: o.signal,
        headersTimeout: 30_000,
        bodyTimeout: 60_000,
        ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}),
      });
    } catch (err) {
      if (o.signal.aborted) throw err;
      failures.push(`${source.rse}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    answered = true;
    const { statusCode, headers } = upstream;
    const length = Number(headers['content-length']);
    if (statusCode === 200 && file.bytes !== null && length !== file.bytes) {
      await upstream.body.dump();
      failures.push(
        `${source.rse}: ${String(length)} bytes where Rucio records ${String(file.bytes)}`,
      );
      continue;
    }
    if (statusCode === 200 || statusCode === 206) return { source, upstream };
    await upstream.body.dump();
    if (statusCode === 416)
      throw new AppError(
        416,
        'range_not_satisfiable',
        `The range ${o.range ?? ''} is outside ${did(file)} (${String(file.bytes ?? '?')} bytes).`,
        { details: { size: file.bytes } },
      );
    failures.push(`${source.rse}: HTTP ${String(statusCode)}`);
  }
  if (file.sources.length === 0)
    throw new AppError(409, 'conflict', `Rucio lists no available replica of ${did(file)}.`);
  const message = `No replica of ${did(file)} could be read (${failures.join('; ')}).`;
  throw answered
    ? new AppError(502, 'storage_error', message, { details: { failures } })
    : new AppError(503, 'storage_unavailable', message, { details: { failures } });
}
