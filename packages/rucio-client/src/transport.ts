import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import {
  RucioPathError,
  RucioPayloadError,
  RucioUnavailableError,
  rucioErrorFrom,
} from './errors.ts';
import { parseRucioJson } from './ndjson.ts';
import { fetchSender, undiciSender, type Reply } from './reply.ts';

export interface RucioClientOptions {
  /** e.g. http://127.0.0.1:4410 (a path prefix such as https://host/rucio is kept) */
  baseUrl: string;
  /** Sent as User-Agent so Rucio's logs say who called. */
  userAgent: string;
  /**
   * Sends through this fetch instead of undici's `request` (tests replay recordings with one).
   * undici's Node streams hand a listing's many one-line chunks over in batches: a 2 448-line
   * quota overview cost the BFF half the CPU it did through fetch's web streams.
   */
  fetch?: typeof globalThis.fetch;
  /** undici dispatcher for the default sender (its global one otherwise). */
  dispatcher?: Dispatcher;
  /** Applies to connecting + headers; for JSON calls also to reading the body. Default 10 s. */
  timeoutMs?: number;
}

/** Who calls: every user-facing endpoint takes these, as one options object. */
export interface AuthOptions {
  /** Raw JWT or Rucio token, sent as X-Rucio-Auth-Token (never `Bearer`). */
  token: string;
  /** Act as this Rucio account (X-Rucio-Account); the identity must map to it, else Rucio says 401. */
  account?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface CallOptions {
  /** Raw JWT or Rucio token, sent as X-Rucio-Auth-Token (never `Bearer`). */
  token?: string | undefined;
  account?: string | undefined;
  /** Sent as JSON (Content-Type: application/json). Rucio's DELETE /rules/<id> needs `{}`. */
  body?: unknown;
  accept?: string;
  method?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /**
   * Default 'error': a request carrying a token never follows a redirect (it could lead to another
   * host). 'manual' hands 3xx to the adapter, which follows it only to this base (whoami).
   */
  redirect?: 'manual' | 'error';
  /** Statuses handed back to the adapter instead of becoming a RucioError (e.g. 303). */
  expect?: number[];
}

export const JSON_STREAM = 'application/x-json-stream';

/** One HTTP exchange with Rucio. `done()` cancels the timeout once the caller has the body. */
export interface Exchange {
  response: Reply;
  done: () => void;
  /** Why reading the body failed, in words (timeout or network error). */
  failure: (cause: unknown) => string;
}

export interface Transport {
  send(path: string, options?: CallOptions): Promise<Exchange>;
  /** Any method; `options.body` is sent as JSON; the answer is parsed (Infinity allowed) and validated. */
  json<S extends z.ZodType>(path: string, schema: S, options?: CallOptions): Promise<z.infer<S>>;
  /** Any method, for answers without data (201 Created, 200 OK). */
  call(path: string, options: CallOptions): Promise<void>;
  parse<S extends z.ZodType>(path: string, schema: S, value: unknown): z.infer<S>;
}

type Coded = { code?: unknown; message?: unknown; cause?: Coded } | undefined;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** fetch wraps the network error (its `cause`); undici's request throws it as it is. */
function describe(cause: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${timeoutMs} ms`;
  const outer = cause as Coded;
  const inner = outer?.cause;
  return (
    text(inner?.code) ??
    text(inner?.message) ??
    text(outer?.code) ??
    (cause instanceof Error ? cause.message : String(cause))
  );
}

export function createTransport(options: RucioClientOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const sender = options.fetch ? fetchSender(options.fetch) : undiciSender(options.dispatcher);
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function guarded<T>(
    path: string,
    signal: AbortSignal | undefined,
    work: () => Promise<T>,
    timer: { timedOut: boolean },
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // The caller's own abort is not an outage: let it through unchanged.
      if (signal?.aborted && !timer.timedOut) throw error;
      if (error instanceof Error && error.name.startsWith('Rucio')) throw error;
      throw new RucioUnavailableError(path, describe(error, timer.timedOut, timeoutMs), {
        cause: error,
      });
    }
  }

  const origin = new URL(base).origin;
  const prefix = new URL(`${base}/`).pathname.replace(/\/$/, '');

  /**
   * The URL for a path, refused unless it resolves to exactly that path under the API base: a
   * dot segment (`%2e%2e` included) that the URL parser would resolve away, or anything else that
   * would carry the user's token to another path or host, never leaves this process.
   */
  function resolve(path: string): string {
    const resolved = path.startsWith('/') ? URL.parse(prefix + path, origin) : null;
    if (resolved?.origin !== origin || resolved.pathname + resolved.search !== prefix + path)
      throw new RucioPathError(path);
    return resolved.href;
  }

  async function send(path: string, call: CallOptions = {}): Promise<Exchange> {
    const url = resolve(path);
    const controller = new AbortController();
    const timer = { timedOut: false };
    const handle = setTimeout(() => {
      timer.timedOut = true;
      controller.abort();
    }, timeoutMs);
    const signal = call.signal
      ? AbortSignal.any([controller.signal, call.signal])
      : controller.signal;
    const headers: Record<string, string> = { 'User-Agent': options.userAgent, ...call.headers };
    if (call.accept) headers.Accept = call.accept;
    if (call.token) headers['X-Rucio-Auth-Token'] = call.token;
    if (call.account) headers['X-Rucio-Account'] = call.account;
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const done = (): void => {
      clearTimeout(handle);
    };
    try {
      const response = await guarded(
        path,
        call.signal,
        () => {
          const method = call.method ?? 'GET';
          const redirect = call.redirect ?? 'error';
          const attempt = () =>
            sender(url, { method, headers, body, signal, redirect }).then(async (reply) => {
              // Never followed, and with 'error' not handed back either (fetch does the same).
              if (redirect === 'error' && reply.status >= 300 && reply.status < 400) {
                await reply.discard();
                throw new Error(`redirected (HTTP ${String(reply.status)}), not followed`);
              }
              return reply;
            });
          // A pooled keep-alive socket that the server closed meanwhile (gunicorn's keep-alive is
          // 2 s; or Rucio restarted) fails before any answer: a GET is safe to send once more.
          return attempt().catch((error: unknown) => {
            if (method === 'GET' && !signal.aborted && isStaleSocket(error)) return attempt();
            throw error;
          });
        },
        timer,
      );
      if (!response.ok && !call.expect?.includes(response.status)) {
        throw await guarded(path, call.signal, () => rucioErrorFrom(response, path), timer);
      }
      return { response, done, failure: (cause) => describe(cause, timer.timedOut, timeoutMs) };
    } catch (error) {
      done();
      throw error;
    }
  }

  function parse<S extends z.ZodType>(path: string, schema: S, value: unknown): z.infer<S> {
    const result = schema.safeParse(value);
    if (!result.success) throw new RucioPayloadError(path, result.error.message);
    return result.data;
  }

  /** Reads the whole body as text; a broken connection while reading is an outage. */
  async function readText(path: string, call: CallOptions): Promise<string> {
    const { response, done, failure } = await send(path, call);
    try {
      return await response.text();
    } catch (error) {
      throw new RucioUnavailableError(path, failure(error), { cause: error });
    } finally {
      done();
    }
  }

  async function json<S extends z.ZodType>(
    path: string,
    schema: S,
    call: CallOptions = {},
  ): Promise<z.infer<S>> {
    const text = await readText(path, { accept: 'application/json', ...call });
    let value: unknown;
    try {
      value = parseRucioJson(text);
    } catch {
      throw new RucioPayloadError(path, `not JSON: ${text.slice(0, 200)}`);
    }
    return parse(path, schema, value);
  }

  /** A call whose answer carries no data we use (Rucio's `Created`, `OK` or empty bodies). */
  async function call(path: string, options: CallOptions): Promise<void> {
    await readText(path, options);
  }

  return { send, json, call, parse };
}

const STALE_SOCKET_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/**
 * The connection broke before a response (not "nothing listens", which is ECONNREFUSED): the code
 * is on the error (undici's request) or on its cause (fetch).
 */
function isStaleSocket(error: unknown): boolean {
  const coded = error as Coded;
  const code = coded?.cause?.code ?? coded?.code;
  return typeof code === 'string' && STALE_SOCKET_CODES.has(code);
}
