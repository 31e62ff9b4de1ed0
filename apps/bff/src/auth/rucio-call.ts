import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { RucioError } from '@bdms/rucio-client';
import { actingAs } from './acting-account.ts';
import type { TokenRefresher } from './token-refresher.ts';

const MAX_KNOWN = 10_000;

const fingerprint = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

/**
 * Calls Rucio with the session's access token, acting as the account the session chose (if any;
 * see acting-account.ts).
 *
 * Rucio 41 stores each JWT it validates for the first time; several requests carrying the same
 * brand-new JWT at once race on that insert and all but one get 401 CannotAuthenticate (seen in
 * test/integration/refresh.test.ts: 3 of 8 parallel calls right after a refresh). So the first use
 * of a token in this process goes alone and the others wait for it; and a 401 is retried once,
 * which also covers the same race across several BFF replicas. Only hashes of tokens are kept.
 */
export function createRucioCaller(refresher: Pick<TokenRefresher, 'accessToken'>) {
  const known = new Set<string>();
  const firstUse = new Map<string, Promise<unknown>>();

  async function once<T>(token: string, fn: (token: string) => Promise<T>): Promise<T> {
    const key = fingerprint(token);
    if (known.has(key)) return fn(token);
    const pending = firstUse.get(key);
    if (pending) {
      await pending.catch(() => undefined);
      return fn(token);
    }
    const result = fn(token);
    firstUse.set(key, result);
    try {
      const value = await result;
      if (known.size >= MAX_KNOWN) known.clear();
      known.add(key);
      return value;
    } finally {
      firstUse.delete(key);
    }
  }

  return async function withToken<T>(req: Request, fn: (token: string) => Promise<T>): Promise<T> {
    const token = await refresher.accessToken(req);
    return actingAs(req.session.account, async () => {
      try {
        return await once(token, fn);
      } catch (error) {
        if (!(error instanceof RucioError && error.status === 401)) throw error;
        return fn(token);
      }
    });
  };
}

export type RucioCaller = ReturnType<typeof createRucioCaller>;
