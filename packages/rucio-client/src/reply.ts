import { request, type Dispatcher } from 'undici';

/**
 * Rucio's answer as the endpoints read it, whichever HTTP client fetched it: undici's `request`
 * (the default: Node streams, which hand a listing's many one-line chunks over in batches) or a
 * `fetch` given in the options (tests replay recordings through one).
 */
export interface Reply {
  readonly status: number;
  /** 2xx. */
  readonly ok: boolean;
  /** A header's value (several joined by ", "), or null. */
  header(name: string): string | null;
  /** The body's bytes as they arrive; nothing for an empty body. */
  chunks(): AsyncIterable<Uint8Array>;
  text(): Promise<string>;
  /** Drops what is left of the body. */
  discard(): Promise<void>;
}

/** What the transport asks for; `redirect` only matters to fetch (undici never follows one). */
export interface Ask {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  redirect: 'manual' | 'error';
}

export type Sender = (url: string, ask: Ask) => Promise<Reply>;

const none: AsyncIterable<Uint8Array> = {
  async *[Symbol.asyncIterator]() {
    /* no body */
  },
};

function fromUndici(data: Dispatcher.ResponseData): Reply {
  return {
    status: data.statusCode,
    ok: data.statusCode >= 200 && data.statusCode < 300,
    header(name) {
      const value = data.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
    chunks: () => data.body,
    text: () => data.body.text(),
    // Reads a small rest so the connection is kept; a big one is cut (undici's dump).
    discard: () => data.body.dump(),
  };
}

/** undici's `request` on its global dispatcher, or on `dispatcher` when given. */
export const undiciSender =
  (dispatcher?: Dispatcher): Sender =>
  async (url, ask) =>
    fromUndici(
      await request(url, {
        method: ask.method,
        headers: ask.headers,
        body: ask.body,
        signal: ask.signal,
        ...(dispatcher ? { dispatcher } : {}),
      }),
    );

/** A web stream's chunks; leaving early cancels the stream (the connection is released). */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

function fromFetch(response: Response): Reply {
  return {
    status: response.status,
    ok: response.ok,
    header: (name) => response.headers.get(name),
    chunks: () => (response.body ? chunksOf(response.body) : none),
    text: () => response.text(),
    discard: async () => {
      await response.body?.cancel();
    },
  };
}

export const fetchSender =
  (doFetch: typeof globalThis.fetch): Sender =>
  async (url, ask) =>
    fromFetch(await doFetch(url, ask));
