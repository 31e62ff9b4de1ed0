import { errorFromResponse, networkError } from './api-error.ts';

/** How far a download has come: bytes (of `total`, when the server said), files for scripts. */
export interface DownloadProgress {
  received: number;
  total: number | null;
  files: number;
}

export interface StreamDownloadOptions {
  url: string;
  /** A POST body (a selection's DIDs); GET without. */
  body?: unknown;
  signal: AbortSignal;
  onProgress: (p: DownloadProgress) => void;
  /** Counts the files in the text received so far (scripts); bytes only without. */
  countFiles?: ((line: string) => boolean) | undefined;
  /**
   * Above this many bytes (from Content-Length) the page does not hold the file: the fetch is
   * cancelled and the browser's own download takes over (GET only), with its own progress.
   */
  inPageMax?: number;
}

export type DownloadOutcome = { saved: string } | { handedOver: true };

/** The name in `Content-Disposition: attachment; filename="…"` (filename* first). */
export function attachmentName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** A file the browser saves: an object URL clicked as a download link, then released. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

/** The browser's own download of a GET URL (the session cookie goes with it). */
function handOver(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Counts matching lines as text arrives, across chunk boundaries. */
function lineCounter(match: (line: string) => boolean) {
  const decoder = new TextDecoder();
  let rest = '';
  let count = 0;
  return (chunk: Uint8Array | undefined): number => {
    rest += chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    const lines = rest.split('\n');
    rest = chunk ? (lines.pop() ?? '') : '';
    for (const line of lines) if (match(line)) count += 1;
    return count;
  };
}

/**
 * Fetches a generated file (a script, a ZIP) with the session cookie, reading the body as it
 * streams so that the page can show bytes (and files) received and cancel; once complete, the
 * browser saves it under the server's name. An error before the first byte is the BFF's
 * ApiError; an abort by the server part-way rejects (never a short file saved as whole).
 */
export async function streamDownload(o: StreamDownloadOptions): Promise<DownloadOutcome> {
  let res: Response;
  try {
    res = await fetch(o.url, {
      method: o.body === undefined ? 'GET' : 'POST',
      credentials: 'same-origin',
      headers:
        o.body === undefined
          ? {}
          : { 'Content-Type': 'application/json', 'X-CSRF': '1', Accept: '*/*' },
      body: o.body === undefined ? null : JSON.stringify(o.body),
      signal: o.signal,
    });
  } catch (error) {
    if (o.signal.aborted) throw error;
    throw networkError(error);
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
    throw errorFromResponse(res, body);
  }
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (o.body === undefined && o.inPageMax !== undefined && total !== null && total > o.inPageMax) {
    await res.body?.cancel();
    handOver(o.url);
    return { handedOver: true };
  }
  const name = attachmentName(res.headers.get('content-disposition'), 'download');
  const count = o.countFiles ? lineCounter(o.countFiles) : undefined;
  const chunks: Uint8Array[] = [];
  let received = 0;
  let files = 0;
  const reader = res.body?.getReader();
  o.onProgress({ received, total, files });
  for (;;) {
    if (!reader) break;
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    if (count) files = count(value);
    o.onProgress({ received, total, files });
  }
  if (count) files = count(undefined);
  o.onProgress({ received, total: total ?? received, files });
  if (total !== null && received !== total)
    throw new Error(`The download stopped at ${String(received)} of ${String(total)} bytes.`);
  save(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? '' }), name);
  return { saved: name };
}
