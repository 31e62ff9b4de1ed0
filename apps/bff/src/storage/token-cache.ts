/**
 * Tokens kept until shortly before they expire, one request to the IdP per key at a time: all
 * callers asking for a key while it is being fetched share that one fetch. A failed fetch is not
 * kept, so the next caller tries again.
 */
import type { IssuedToken } from '../auth/client-credentials.ts';

/** A token is used until this little of its life is left (it must outlive its way to the storage). */
export const TOKEN_MARGIN_MS = 60_000;
/** Beyond this many keys, expired entries are swept before adding one. */
const SWEEP_ABOVE = 10_000;

export interface TokenCacheOptions {
  marginMs?: number;
  now?: () => number;
}

export function createTokenCache(options: TokenCacheOptions = {}) {
  const marginMs = options.marginMs ?? TOKEN_MARGIN_MS;
  const now = options.now ?? Date.now;
  const kept = new Map<string, IssuedToken>();
  const pending = new Map<string, Promise<IssuedToken>>();

  const usable = (t: IssuedToken | undefined): t is IssuedToken =>
    t !== undefined && t.expiresAt - now() > marginMs;

  function keep(key: string, token: IssuedToken): void {
    if (kept.size >= SWEEP_ABOVE) for (const [k, t] of kept) if (!usable(t)) kept.delete(k);
    kept.set(key, token);
  }

  async function get(key: string, fetch: () => Promise<IssuedToken>): Promise<string> {
    const cached = kept.get(key);
    if (usable(cached)) return cached.accessToken;
    let flight = pending.get(key);
    if (!flight) {
      flight = fetch();
      pending.set(key, flight);
      const forget = (): void => {
        if (pending.get(key) === flight) pending.delete(key);
      };
      flight.then((token) => {
        keep(key, token);
        forget();
      }, forget);
    }
    return (await flight).accessToken;
  }

  /** Drops a key (e.g. the storage refused its token). */
  const forget = (key: string): void => {
    kept.delete(key);
  };

  return { get, forget, size: () => kept.size };
}

export type TokenCache = ReturnType<typeof createTokenCache>;
