import type { Reply } from './reply.ts';

/** Rucio answered with an error status. `exceptionClass` is Rucio's own name, e.g. CannotAuthenticate. */
export class RucioError extends Error {
  override readonly name = 'RucioError';
  constructor(
    readonly status: number,
    readonly exceptionClass: string | undefined,
    readonly exceptionMessage: string | undefined,
    readonly path: string,
  ) {
    super(
      `Rucio ${status}${exceptionClass ? ` ${exceptionClass}` : ''} on ${path}: ${exceptionMessage ?? ''}`.trim(),
    );
  }
}

/** Rucio could not be reached (connection refused, DNS, timeout, reset mid-response). */
export class RucioUnavailableError extends Error {
  override readonly name = 'RucioUnavailableError';
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Rucio unavailable on ${path}: ${reason}`, options);
  }
}

/** Rucio answered 2xx but the payload did not have the shape we expect (e.g. a version drift). */
export class RucioPayloadError extends Error {
  override readonly name = 'RucioPayloadError';
  constructor(
    readonly path: string,
    readonly issues: string,
  ) {
    super(`Unexpected Rucio payload on ${path}: ${issues}`);
  }
}

/** A path that would resolve outside the API base or to another path there (dot segments). */
export class RucioPathError extends Error {
  override readonly name = 'RucioPathError';
  constructor(readonly path: string) {
    super(`refusing a Rucio path that does not stay where it says: ${JSON.stringify(path)}`);
  }
}

interface RucioErrorBody {
  ExceptionClass?: unknown;
  ExceptionMessage?: unknown;
}

const asString = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * Rucio puts ExceptionClass/ExceptionMessage in a JSON body (served as application/octet-stream)
 * and repeats them, truncated to 125 chars, in headers. Prefer the body; fall back to headers,
 * then to the raw text (uncaught non-Rucio exceptions are plain-text 500s).
 */
export async function rucioErrorFrom(response: Reply, path: string): Promise<RucioError> {
  const text = await response.text().catch(() => '');
  let body: RucioErrorBody = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed;
  } catch {
    // not JSON: keep the headers / raw text
  }
  const cls = asString(body.ExceptionClass) ?? asString(response.header('ExceptionClass'));
  const msg =
    asString(body.ExceptionMessage) ??
    asString(response.header('ExceptionMessage')) ??
    (text.slice(0, 500) || undefined);
  return new RucioError(response.status, cls, msg, path);
}
